import { describe, expect, it } from 'vitest';
import { baseUrlOf as pageBaseUrl, resolveSrcset } from '../../../src/extract/urls';
import { absolutiseFetchedPage } from '../../../src/library-io/html/absolute-urls';
import { jsdomWindow } from './support';

function parse(html: string): Document {
  // Parsed the way the DOM host parses fetched pages: the document's own address is elsewhere.
  return new (jsdomWindow().DOMParser)().parseFromString(html, 'text/html');
}

describe('absolute addresses of a fetched page', () => {
  it('resolves images, lazy sources, srcsets and links against the page, keeping in-page anchors', () => {
    const doc = parse(`<body>
      <img src="img/a.png"><img data-src="/lazy/b.png" src="data:image/gif;base64,R0lGOD">
      <img srcset="small.png 1x, ../large.png 2x"><picture><source srcset="c.webp 600w, d.webp 1200w"></picture>
      <a href="../other">Other</a><a href="#note-1">1</a><video poster="poster.jpg"></video></body>`);
    absolutiseFetchedPage(doc, 'https://news.example/2024/story/');
    const attr = (selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name);
    expect(attr('img', 'src')).toBe('https://news.example/2024/story/img/a.png');
    expect(attr('img[data-src]', 'data-src')).toBe('https://news.example/lazy/b.png');
    expect(attr('img[data-src]', 'src')).toBe('data:image/gif;base64,R0lGOD');
    expect(attr('img[srcset]', 'srcset')).toBe(
      'https://news.example/2024/story/small.png 1x, https://news.example/2024/large.png 2x',
    );
    expect(attr('source', 'srcset')).toBe(
      'https://news.example/2024/story/c.webp 600w, https://news.example/2024/story/d.webp 1200w',
    );
    expect(attr('a', 'href')).toBe('https://news.example/2024/other');
    expect(attr('a[href^="#"]', 'href')).toBe('#note-1');
    expect(attr('video', 'poster')).toBe('https://news.example/2024/story/poster.jpg');
  });

  it('honours the page’s own <base href>, itself relative to the page', () => {
    const doc = parse('<head><base href="/static/"></head><body><img src="x.png"></body>');
    const base = pageBaseUrl(doc, 'https://news.example/a/b');
    expect(base).toBe('https://news.example/static/');
    absolutiseFetchedPage(doc, base);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://news.example/static/x.png');
    expect(pageBaseUrl(parse('<body></body>'), 'https://news.example/a/b')).toBe('https://news.example/a/b');
  });

  it('keeps srcset addresses with commas in them whole', () => {
    expect(resolveSrcset('/img/a,b.jpg 1x,/img/c.jpg 2x', 'https://cdn.example/p/')).toBe(
      'https://cdn.example/img/a,b.jpg 1x, https://cdn.example/img/c.jpg 2x',
    );
  });
});
