// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { countListed, createListTokens } from '../../../src/content/clutter/list-tokens';

beforeEach(() => {
  document.body.innerHTML = `
    <main id="story" class="article wide"><p>Text</p><div class="nag">Sign up</div></main>
    <aside class="nag"><div class="nag inner">Nested</div></aside>
    <div class="promo-box" id="promo">Ours</div>
    <pre><code class="nag">code</code></pre>
    <a href="https://shop.example/deal">Deal</a>`;
});

describe('the page tokens sent for filter lists', () => {
  it('sends each class name, id and link once, and the host wish on the first request only', () => {
    const tokens = createListTokens();
    const first = tokens.collect(document);
    expect(first?.hostRules).toBe(true);
    expect(first?.classes.sort()).toEqual(['article', 'inner', 'nag', 'promo-box', 'wide']);
    expect(first?.ids.sort()).toEqual(['promo', 'story']);
    expect(first?.hrefs).toEqual(['https://shop.example/deal']);
    expect(tokens.collect(document)).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<div class="late nag">Late</div>');
    expect(tokens.collect(document)).toEqual({ classes: ['late'], ids: [], hrefs: [], hostRules: false });
  });

  it('sends a failed request again', () => {
    const tokens = createListTokens();
    const first = tokens.collect(document);
    if (!first) throw new Error('expected tokens');
    tokens.forget(first);
    expect(tokens.collect(document)).toEqual(first);
  });
});

describe('counting what the lists hide', () => {
  it('counts the outermost elements not kept, not code and not already ours', () => {
    const main = document.querySelector('main') as Element;
    const ours = document.querySelector('.promo-box') as Element;
    expect(countListed(document, ['.nag', '#promo'], new Set([main]), new Set([ours]), 'pre, code')).toBe(2);
  });

  it('counts the selectors a browser can read when one of them it cannot', () => {
    expect(countListed(document, ['.nag:unknown-pseudo', 'aside'], new Set(), new Set(), '')).toBe(1);
  });
});
