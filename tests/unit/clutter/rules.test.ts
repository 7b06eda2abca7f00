// @vitest-environment jsdom
/**
 * The clutter rules are data: this test is their type checker. Every selector parses (in jsdom and
 * in our indexed matcher, which must agree with it), lists are sorted and free of duplicates, host
 * patterns are valid, patterns compile, and no rule hides any fixture's article text.
 */
import { describe, expect, it } from 'vitest';
import {
  CLUTTER_CATEGORIES,
  compileClutterRules,
  compileSelectorList,
  DEFAULT_CLUTTER_RULES,
  findBodyAnchor,
  findClutter,
  isDiscussionPage,
  isGroupKeptOn,
  isValidHostPattern,
  parseCompound,
} from '../../../src/clutter';
import { DISCUSSION_PAGES } from '../../../src/clutter/rules';
import { sites as adoptedSites } from '../../../src/clutter/rules/hide-comments-everywhere.json';
import { firstWordsOf, hasTopLevelBar } from '../../../src/clutter/word-index';
import { listFixtureSlugs, loadFixture, parseFixture } from '../support/fixtures';

const { generic, sites, exceptions } = DEFAULT_CLUTTER_RULES;
// Site rules adopted from another list may be complex selectors: adopted-rules.test.ts checks them.
const adopted = new Set<unknown>(adoptedSites);
const allSelectors = [
  ...CLUTTER_CATEGORIES.flatMap((c) => generic[c].selectors),
  ...sites.filter((s) => !adopted.has(s)).flatMap((s) => Object.values(s.selectors ?? {}).flat()),
  ...exceptions,
];

function expectSortedUnique(list: readonly string[], where: string): void {
  expect([...list].sort(), `${where} must be sorted`).toEqual(list);
  expect(new Set(list).size, `${where} has duplicates`).toBe(list.length);
}

describe('clutter rule data', () => {
  it('has rules for every category', () => {
    for (const category of CLUTTER_CATEGORIES) {
      expect(generic[category].selectors.length + generic[category].headings.length).toBeGreaterThan(0);
    }
  });

  it('keeps every list sorted and free of duplicates', () => {
    for (const category of CLUTTER_CATEGORIES) {
      for (const kind of ['selectors', 'headings', 'labels', 'leadIns'] as const) {
        expectSortedUnique(generic[category][kind], `${category}.${kind}`);
      }
    }
    expectSortedUnique(exceptions, 'exceptions');
    expectSortedUnique(DISCUSSION_PAGES.generators, 'discussion generators');
    for (const site of sites) expectSortedUnique(site.hosts, `hosts of "${site.note}"`);
  });

  it('never lists one selector under two categories', () => {
    const owners = new Map<string, string>();
    for (const category of CLUTTER_CATEGORIES) {
      for (const selector of generic[category].selectors) {
        expect(owners.get(selector), `${selector} is in ${owners.get(selector)} and ${category}`).toBeUndefined();
        owners.set(selector, category);
      }
    }
  });

  // jsdom's own selector engine is slow: two fixtures rich in clutter are enough to compare with.
  it('has selectors a browser parses, and our matcher agrees with the DOM on every one', { timeout: 60_000 }, () => {
    const fixtures = ['magazine-seed', 'ad-split-body'].map((slug) => parseFixture(loadFixture(slug)));
    for (const selector of allSelectors) {
      expect(() => document.createDocumentFragment().querySelector(selector), selector).not.toThrow();
      expect(parseCompound(selector), `${selector} should be a simple compound selector`).not.toBeNull();
      const list = compileSelectorList([selector]);
      for (const doc of fixtures) {
        expect(list.matchAll(doc.body), selector).toEqual(Array.from(doc.body.querySelectorAll(selector)));
      }
    }
  });

  it('has valid host patterns and a reason for every site rule', () => {
    for (const site of sites) {
      expect(site.note.length, 'every site rule says why it exists').toBeGreaterThan(10);
      for (const host of site.hosts) expect(isValidHostPattern(host), host).toBe(true);
      for (const category of site.keep ?? []) expect(CLUTTER_CATEGORIES).toContain(category);
    }
  });

  it("keeps the comments of forges' issue threads and link aggregators, not those under a gist", () => {
    for (const host of ['github.com', 'old.reddit.com', 'news.ycombinator.com', 'askubuntu.com']) {
      expect(isGroupKeptOn('comments', host), host).toBe(true);
      expect(compileClutterRules(undefined, { host }).categories, host).not.toContain('comments');
    }
    // A gist is a snippet with readers' comments under it: GitHub's subdomains are other sites.
    expect(isGroupKeptOn('comments', 'gist.github.com')).toBe(false);
    expect(compileClutterRules(undefined, { host: 'gist.github.com' }).categories).toContain('comments');
  });

  it('has patterns that compile and match whole labels only', () => {
    const compiled = compileClutterRules();
    for (const category of CLUTTER_CATEGORIES) {
      for (const kind of ['headings', 'labels'] as const) {
        for (const pattern of generic[category][kind]) {
          expect(() => new RegExp(pattern, 'iu'), pattern).not.toThrow();
          expect(new RegExp(`^(?:${pattern})$`, 'iu').test(''), `${pattern} must not match empty text`).toBe(false);
        }
      }
    }
    expect(compiled.headings.get('comments')?.test('12 comments')).toBe(true);
    expect(compiled.headings.get('comments')?.test('12 comments about the budget and more')).toBe(false);
  });

  // The compiler finds each pattern by its first word, read by one native match, and trusts the
  // rule files to hold one alternative per pattern (see src/clutter/word-index.ts): keep that shape.
  it('holds one alternative per pattern, each with a first word the index can read', () => {
    const always: string[] = [];
    for (const category of CLUTTER_CATEGORIES) {
      for (const kind of ['headings', 'labels', 'leadIns'] as const) {
        for (const pattern of generic[category][kind]) {
          expect(hasTopLevelBar(pattern), `${category}.${kind}: split "${pattern}" into entries`).toBe(false);
          const words = firstWordsOf(pattern);
          if (words === null) {
            // Only a wildcard may open a pattern whose first word cannot be read: it is tried on every text.
            expect(pattern.startsWith('.'), `${category}.${kind}: "${pattern}" needs a plain first word`).toBe(true);
            always.push(pattern);
          }
          // A lead-in's first word ends at its separator: none may hold one.
          if (kind === 'leadIns') for (const word of words ?? []) expect(word, pattern).not.toMatch(/[:|»›>→▸▶►–—-]/);
        }
      }
    }
    expect(always.length, always.join('\n')).toBeLessThanOrEqual(5);
  });

  it('never hides the article text of a fixture page', () => {
    for (const slug of listFixtureSlugs()) {
      const fixture = loadFixture(slug);
      if (!fixture.expectedText) continue;
      const doc = parseFixture(fixture);
      const compiled = compileClutterRules(undefined, { host: '127.0.0.1' });
      const anchor = findBodyAnchor(doc.body);
      // On forum and Q&A pages the live page keeps the comment group off: the replies are the content.
      const categories = isDiscussionPage(doc) ? CLUTTER_CATEGORIES.filter((c) => c !== 'comments') : undefined;
      const matches = findClutter(doc.body, compiled, { protect: anchor ? [anchor] : [], categories });
      for (const paragraph of fixture.expectedText.split('\n\n')) {
        const needle = paragraph.replace(/\s+/g, ' ').slice(0, 60);
        for (const match of matches) {
          const text = (match.element.textContent ?? '').replace(/\s+/g, ' ');
          expect(text.includes(needle), `${slug}: ${match.category} rule (${match.by}) hides "${needle}"`).toBe(false);
        }
      }
    }
  });
});
