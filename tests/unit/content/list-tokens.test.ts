// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { countListed, createListTokens } from '../../../src/content/clutter/list-tokens';
import { createPageClutter } from '../../../src/content/clutter/page-clutter';

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

describe('the page script and the filter lists', () => {
  const promos = { groups: { comments: false, promos: true }, picked: [] };

  it('asks for list rules only while promos are hidden and lists are subscribed', () => {
    const page = createPageClutter(document, 'news.example');
    page.apply(promos);
    expect(page.listTokens()).toBeNull();
    page.apply({ ...promos, lists: true });
    expect(page.listTokens()?.hostRules).toBe(true);
    page.apply({ ...promos, groups: { comments: true, promos: false }, lists: true });
    expect(page.listTokens()).toBeNull();
    page.stop();
  });

  it('counts what only the lists hide among the promos', () => {
    const page = createPageClutter(document, 'news.example');
    const before = page.apply({ ...promos, lists: true });
    const after = page.addListSelectors(['aside.nag']);
    expect(after.counts.lists).toBe(1);
    expect(after.counts.promos).toBe(before.counts.promos + 1);
    expect(page.showAll().counts.lists).toBeUndefined();
    page.stop();
  });
});
