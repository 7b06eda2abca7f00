// @vitest-environment jsdom
/**
 * The rules adopted from Hide Comments Everywhere are data we did not write: this test is their
 * type checker. The committed JSON is what the import script makes of the vendored copy; every
 * selector parses and names something of its own; hosts are host names where comments are not the
 * content; the licence travels with the data; and the rules run under our guard like our own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileClutterRules,
  DEFAULT_CLUTTER_RULES,
  findBodyAnchor,
  findClutter,
  isDiscussionPage,
  isValidHostPattern,
  parseCompound,
  type SiteRules,
} from '../../../src/clutter';
import comments from '../../../src/clutter/rules/comments.json';
import exceptions from '../../../src/clutter/rules/exceptions.json';
import adopted from '../../../src/clutter/rules/hide-comments-everywhere.json';
import ownSites from '../../../src/clutter/rules/sites.json';
import {
  ADOPTED_FILE,
  adoptHideCommentsEverywhere,
  readUpstream,
  VENDOR_DIR,
} from '../../../scripts/lib/hide-comments-everywhere';
import { covers, namesNothing, normaliseSelector, splitSelectorList } from '../../../scripts/lib/selector-lists';
import { listFixtureSlugs, loadFixture, parseFixture } from '../support/fixtures';

const root = resolve(import.meta.dirname, '../../..');
const sites = adopted.sites as SiteRules[];
const siteSelectors = sites.flatMap((s) => s.selectors?.comments ?? []);
const everySelector = [...adopted.catchAll, ...adopted.exceptions, ...siteSelectors];

/** An article and the page around it, with no id, class or attribute anywhere. */
const BARE_PAGE = `<!doctype html><html><head><title>Bare</title></head><body><div>
  <header><nav><ul><li><a href="/">Home</a></li></ul></nav></header>
  <main><div><article><header><h1>Title</h1><p><time>Today</time> by <span>Ann</span></p></header>
    <section><h2>Part</h2><p>Text with <a href="/x">a link</a>, <em>stress</em> and <strong>weight</strong>.</p>
      <figure><img src="a.png" alt=""><figcaption>Caption</figcaption></figure>
      <blockquote><p>Quoted</p></blockquote><ul><li>Item</li></ul><ol><li>Step</li></ol>
      <div><div><p>Deep</p></div><div><p>Deeper</p></div><span>Aside</span></div>
      <table><tbody><tr><td>Cell</td></tr></tbody></table><pre><code>code</code></pre></section>
    <footer><p>End</p></footer></article></div>
  <div><aside><h3>Side</h3><p>Aside</p></aside></div>
  <div><section><h2>More</h2><div><div><div><p>Nested</p></div></div></div>
    <form><label>Name</label><input><textarea></textarea><button>Send</button></form></section></div></main>
  <footer><div><p>Footer</p></div></footer></div></body></html>`;

describe('rules adopted from Hide Comments Everywhere', () => {
  it('are what the import script makes of the vendored copy (run it after changing either)', () => {
    const made = adoptHideCommentsEverywhere(readUpstream(resolve(root, VENDOR_DIR)), {
      comments: comments.selectors,
      exceptions,
      sites: ownSites as SiteRules[],
    });
    expect(adopted, `regenerate ${ADOPTED_FILE}: npx tsx scripts/import-hide-comments-everywhere.ts`).toEqual(made);
  });

  it('carry their licence and copyright notice, and say where they come from', () => {
    const licence = readFileSync(resolve(root, ADOPTED_FILE.replace(/\.json$/, '.LICENSE')), 'utf8');
    expect(licence).toContain('Copyright (c) 2017 Grant Winney');
    expect(licence).toContain(readFileSync(resolve(root, VENDOR_DIR, 'LICENSE'), 'utf8'));
    const { commit } = readUpstream(resolve(root, VENDOR_DIR));
    expect(adopted.source).toContain(commit);
    expect(adopted.source).toContain('MIT');
  });

  it('have selectors a browser parses, generic ones simple enough for the indexed walk', () => {
    expect(adopted.catchAll.length).toBeGreaterThan(0);
    expect(siteSelectors.length).toBeGreaterThan(0);
    for (const selector of everySelector) {
      expect(() => document.createDocumentFragment().querySelector(selector), selector).not.toThrow();
    }
    for (const selector of [...adopted.catchAll, ...adopted.exceptions]) {
      expect(parseCompound(selector), `${selector} should be a compound selector`).not.toBeNull();
    }
  });

  it('name something of their own: none matches the bare structure of an article page', () => {
    const doc = new DOMParser().parseFromString(BARE_PAGE, 'text/html');
    for (const selector of everySelector) {
      const hits = Array.from(doc.querySelectorAll(selector)).map((el) => el.localName);
      expect(hits, `${selector} matches bare structure`).toEqual([]);
    }
  });

  it('add only what our own rules lack, and reach the compiled rules', () => {
    const merged = new Set(DEFAULT_CLUTTER_RULES.generic.comments.selectors);
    for (const selector of adopted.catchAll) {
      expect(comments.selectors, `${selector} is ours already`).not.toContain(selector);
      expect(merged.has(selector), selector).toBe(true);
    }
    for (const selector of adopted.exceptions) expect(DEFAULT_CLUTTER_RULES.exceptions).toContain(selector);
    for (const site of sites) expect(DEFAULT_CLUTTER_RULES.sites).toContain(site);
    // Merged lists are sorted when compiled: each source file keeps its own order checked here.
    for (const list of [adopted.catchAll, adopted.exceptions, comments.selectors, exceptions]) {
      expect([...list].sort()).toEqual(list);
    }
  });

  it('have host names, none where our rules keep the comments, each hiding comments only', () => {
    for (const site of sites) {
      expect(site.note, 'every site rule credits the list').toMatch(/^Hide Comments Everywhere/);
      for (const host of site.hosts) {
        expect(isValidHostPattern(host), host).toBe(true);
        if (!site.selectors) continue;
        expect(Object.keys(site.selectors)).toEqual(['comments']);
        const own = compileClutterRules({ ...DEFAULT_CLUTTER_RULES, sites: ownSites as SiteRules[] }, { host });
        expect(own.kept.has('comments'), `${host}: our rules keep its comments`).toBe(false);
      }
    }
    const kept = sites.filter((s) => s.keep).flatMap((s) => s.hosts);
    expect(kept).toContain('talk.hyvor.com');
    expect(compileClutterRules(undefined, { host: 'talk.hyvor.com' }).categories).not.toContain('comments');
  });

  it('keep code comments and a lone comments field as the list means them to', () => {
    const doc = new DOMParser().parseFromString(
      `<p>The order form below asks for a delivery note, and the listing shows a code comment.</p>
      <form><label>Notes</label><textarea class="comments" id="note"></textarea></form>
      <pre><code><span class="comment">// keep</span></code></pre><div class="Comments" id="thread"><p>First!</p></div>`,
      'text/html',
    );
    const ids = findClutter(doc.body, compileClutterRules(), { text: false }).map((m) => m.element.id);
    expect(ids).toEqual(['thread']);
  });

  // Every site's selectors at once, as if one site had them all: the guard must keep each article.
  it('never hide the article text of a fixture page, under the same guard as ours', { timeout: 60_000 }, () => {
    const everySite: SiteRules = {
      hosts: ['adopted.test'],
      note: 'all adopted',
      selectors: { comments: siteSelectors },
    };
    const compiled = compileClutterRules(undefined, { host: 'adopted.test', extraSites: [everySite] });
    for (const slug of listFixtureSlugs()) {
      const fixture = loadFixture(slug);
      if (!fixture.expectedText) continue;
      const doc = parseFixture(fixture);
      const anchor = findBodyAnchor(doc.body);
      const categories = isDiscussionPage(doc) ? compiled.categories.filter((c) => c !== 'comments') : undefined;
      const matches = findClutter(doc.body, compiled, { protect: anchor ? [anchor] : [], categories });
      for (const paragraph of fixture.expectedText.split('\n\n')) {
        const needle = paragraph.replace(/\s+/g, ' ').slice(0, 60);
        for (const match of matches) {
          const text = (match.element.textContent ?? '').replace(/\s+/g, ' ');
          expect(text.includes(needle), `${slug}: ${match.category} (${match.by}) hides "${needle}"`).toBe(false);
        }
      }
    }
  });
});

describe("reading another list's selectors", () => {
  it('splits a list at top-level commas only', () => {
    expect(splitSelectorList(`#a, a[data-ga='[["x","y"]]'] ,div:is(.b, .c),, .d`)).toEqual([
      '#a',
      `a[data-ga='[["x","y"]]']`,
      'div:is(.b, .c)',
      '.d',
    ]);
  });

  it('spells selectors as our files do', () => {
    expect(normaliseSelector(`  .a  >  [href$='x'] `)).toBe('.a > [href$="x"]');
    expect(normaliseSelector(`a[data-ga='["x"]']`)).toBe(`a[data-ga='["x"]']`);
  });

  it('tells a selector that names nothing from one that names something', () => {
    for (const s of ['div', '*', 'article p', 'main > div:not(:first-child)', 'li:nth-child(2n+1)']) {
      expect(namesNothing(s), s).toBe(true);
    }
    for (const s of ['comments', 'hyvor-talk-comments', '.x > div', 'div:has(+ .ads)', '[aria-label="Reply"]']) {
      expect(namesNothing(s), s).toBe(false);
    }
  });

  it('knows when one of our compound selectors already matches theirs', () => {
    expect(covers('[id^="spotim-"]', '#spotim-specific')).toBe(true);
    expect(covers('[data-spotim-module]', '[data-spotim-module="conversation"]')).toBe(true);
    expect(covers('.comments', 'section.comments.big')).toBe(true);
    expect(covers('.comments', '.Comments')).toBe(false);
    expect(covers('#comments', '#comments > div')).toBe(false);
    expect(covers('a[href$="#comments"]', '[href$="#comments"]')).toBe(false);
  });
});
