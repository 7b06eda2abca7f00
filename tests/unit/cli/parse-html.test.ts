import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/parse-html';

const body = (html: string): Document =>
  parseHtml(`<!doctype html><html><head></head><body>${html}</body></html>`, 'https://example.org/a');

describe('parseHtml', () => {
  it('keeps the page after a tag manager’s self-closed iframe in a noscript', () => {
    const doc = body(
      '<noscript><iframe src="https://tags.example/ns.html?id=X" height="0" width="0" style="display:none"/></noscript>' +
        '<main><h1>Title</h1><p>The article’s first paragraph.</p></main>',
    );
    expect(doc.querySelector('main p')?.textContent).toBe('The article’s first paragraph.');
    expect(doc.querySelector('iframe')).toBeNull();
  });

  it('drops every raw-text element inside a noscript, and keeps the noscript’s images', () => {
    const doc = body(
      '<noscript><textarea>open <noscript><img src="https://example.org/lazy.jpg" alt="lead"></noscript>' +
        '<noscript><img src="https://example.org/b.jpg"><iframe src="x"></iframe> after</noscript><p id="next">Next</p>',
    );
    expect(doc.querySelectorAll('noscript')).toHaveLength(2);
    expect([...doc.querySelectorAll('noscript img')].map((img) => img.getAttribute('src'))).toEqual([
      'https://example.org/b.jpg',
    ]);
    expect(doc.querySelector('#next')?.textContent).toBe('Next');
    expect(doc.body.textContent).toContain('after');
  });

  it('leaves raw-text elements outside noscripts alone', () => {
    const doc = body('<textarea>a <b>b</b></textarea><iframe src="x"></iframe><p>c</p>');
    expect(doc.querySelector('textarea')?.value).toBe('a <b>b</b>');
    expect(doc.querySelector('iframe')).not.toBeNull();
    expect(doc.querySelector('p')?.textContent).toBe('c');
  });

  it('reads a page whose stylesheet jsdom’s CSS parser cannot parse', () => {
    const doc = body('<style>.a { width: calc(($a - $b) / 2) }</style><p>text</p>');
    expect(doc.querySelector('p')?.textContent).toBe('text');
  });
});
