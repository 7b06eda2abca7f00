// @vitest-environment jsdom
/**
 * An app shell whose content is only in <noscript> (a forum engine's fallback): the engine reads
 * the fallback instead of refusing the page, and leaves pages that render their own text alone.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article';
import { noscriptFallback } from '../../../src/extract/noscript-fallback';

const POSTS = Array.from(
  { length: 4 },
  (_, i) =>
    `<article><h3>member${i}</h3><div class="Post-body"><p>Reply ${i}: a thread is a conversation that keeps its order, ` +
    `and each answer is read after the one before it, which is why the engine keeps replies in sequence.</p></div></article>`,
).join('');
const SHELL = `<div id="app"><div id="header"><a href="/">Community</a></div><div id="content"></div></div>`;

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><title>Types of threads</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

describe('noscriptFallback', () => {
  it('reads the fallback of an empty shell, parsed whether the browser kept it as markup or as text', () => {
    const asMarkup = page(
      `${SHELL}<noscript><div class="container"><h1>Types of threads</h1>${POSTS}</div></noscript>`,
    );
    const asText = page(SHELL);
    // With scripting on, a browser keeps noscript content as text.
    const noscript = asText.createElement('noscript');
    noscript.textContent = `<div class="container"><h1>Types of threads</h1>${POSTS}</div>`;
    asText.body.append(noscript);
    for (const doc of [asMarkup, asText]) {
      const result = extractArticle(doc, { url: 'https://forum.example/d/2068-types-of-threads', window });
      expect(result.isArticle).toBe(true);
      for (let i = 0; i < 4; i++) expect(result.text).toContain(`Reply ${i}: a thread is a conversation`);
    }
    expect(asText.querySelector('article')).toBeNull();
  });

  it('leaves a page that shows text of its own, and a shell whose fallback is only a notice', () => {
    const rendered = page(
      `<main><h1>Types of threads</h1>${POSTS}</main><noscript><p>Some features need JavaScript.</p></noscript>`,
    );
    expect(noscriptFallback(rendered)).toBeNull();
    const notice = page(`${SHELL}<noscript><p>This site is best viewed with JavaScript enabled.</p></noscript>`);
    expect(noscriptFallback(notice)).toBeNull();
    expect(extractArticle(notice, { url: 'https://forum.example/d/1', window }).isArticle).toBe(false);
  });
});
