// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createInertDocument } from '../../../src/extract/inert-document';
import { fixLazyImages } from '../../../src/extract/lazy-images';
import { absolutiseUrls, baseUrlOf, resolveSrcset, resolveUrl } from '../../../src/extract/urls';

function root(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('absolutiseUrls', () => {
  it('makes links and media absolute, leaving in-page anchors alone', () => {
    const el = root(
      '<a href="../a">x</a><a href="#fn1">1</a><img src="i.jpg" srcset="s.jpg 1x, l.jpg 2x"><video poster="/p.png"></video>',
    );
    absolutiseUrls(el, 'https://news.example/world/story/');
    expect(el.innerHTML).toBe(
      '<a href="https://news.example/world/a">x</a><a href="#fn1">1</a><img src="https://news.example/world/story/i.jpg" srcset="https://news.example/world/story/s.jpg 1x, https://news.example/world/story/l.jpg 2x"><video poster="https://news.example/p.png"></video>',
    );
  });

  it('resolves the root element too (a kept comment thread can be one link)', () => {
    const link = document.createElement('a');
    link.setAttribute('href', '/story#comments');
    absolutiseUrls(link, 'https://news.example/world/');
    expect(link.getAttribute('href')).toBe('https://news.example/story#comments');
  });

  it('honours <base href> and survives malformed addresses', () => {
    const doc = new DOMParser().parseFromString('<base href="/en/">', 'text/html');
    expect(baseUrlOf(doc, 'https://site.example/x/y')).toBe('https://site.example/en/');
    expect(resolveUrl('http://[bad', 'https://site.example/')).toBeNull();
    expect(resolveSrcset('a.jpg 480w, b.jpg 800w', 'https://cdn.example/i/')).toBe(
      'https://cdn.example/i/a.jpg 480w, https://cdn.example/i/b.jpg 800w',
    );
  });
});

describe('fixLazyImages', () => {
  /** The inert copy the engine works on. */
  const copy = createInertDocument(document);
  const copied = (html: string): Element => {
    const div = copy.createElement('div');
    div.innerHTML = html;
    return div;
  };

  it('swaps placeholders for the real address, with or without a file extension', () => {
    const el = copied(
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.example/photo/123">' +
        '<img src="/img/blank.gif" data-lazy-src="/a.webp">' +
        '<img data-original="/b.jpg">' +
        '<img class="lazyload" data-srcset="/c-1x.jpg 1x, /c-2x.jpg 2x">' +
        '<img src="/real.jpg" data-src="/other.jpg">',
    );
    fixLazyImages(copy, el);
    expect(
      Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('src') ?? img.getAttribute('srcset')),
    ).toEqual(['https://cdn.example/photo/123', '/a.webp', '/b.jpg', '/c-1x.jpg 1x, /c-2x.jpg 2x', '/real.jpg']);
  });

  it('fills <picture> sources and unwraps <noscript> images', () => {
    const el = copied(
      '<picture><source data-srcset="/p.webp 1x"><img src="/placeholder.gif" data-src="/p.jpg"></picture>' +
        '<span><img src="data:image/png;base64,xx"></span><noscript><img src="/real.png" alt="Real"></noscript>',
    );
    fixLazyImages(copy, el);
    expect(el.querySelector('source')?.getAttribute('srcset')).toBe('/p.webp 1x');
    expect(el.querySelector('picture img')?.getAttribute('src')).toBe('/p.jpg');
    expect(el.querySelector('noscript')).toBeNull();
    expect(el.querySelector('span img')?.getAttribute('src')).toBe('/real.png');
  });
});
