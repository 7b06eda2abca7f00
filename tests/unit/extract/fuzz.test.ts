/**
 * No markup makes the engine throw: every fixture page, mutated at random (attributes whose names
 * `setAttribute` refuses, closing tags dropped, stray unclosed tags, blocks nested where they may
 * not be, the page cut short), gives a result or a clear reason, in the default mode and forced.
 * The mutations are seeded, so a failure names the seed that reproduces it.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article';
import { REASONS } from '../../../src/extract/article-check';
import { createRandom } from '../../../scripts/bench/lib/score';
import { listFixtureSlugs, loadFixture } from '../support/fixtures';

const BAD_NAMES = ['"quoted', 'a<b', "it's", '=eq', '1st', '@at', 'x{y}', 'tab\u0001ctl', '(paren)', 'ünï'];
const STRAY_TAGS = ['<div>', '<table>', '<td>', '<p>', '<li>', '<a href="x">', '<h2>', '<pre>', '<svg>', '<form>'];
const MUTATIONS_PER_PAGE = 8;

type Mutation = (html: string, random: () => number) => string;

const at = (html: string, random: () => number): number => Math.floor(random() * html.length);
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] as T;

const MUTATIONS: Record<string, Mutation> = {
  'invalid attribute names': (html, random) =>
    html.replace(/<(p|div|body|html|article|a|img|li|h1|h2|span)\b/gi, (tag) =>
      random() < 0.5 ? `${tag} ${pick(BAD_NAMES, random)}="v"` : tag,
    ),
  'closing tags dropped': (html, random) =>
    html.replace(/<\/(div|p|li|article|section|span|a|table|tr|td)>/gi, (close) => (random() < 0.4 ? '' : close)),
  'stray unclosed tags': (html, random) => {
    let out = html;
    for (let i = 0; i < 12; i++) {
      const position = at(out, random);
      out = `${out.slice(0, position)}${pick(STRAY_TAGS, random)}${out.slice(position)}`;
    }
    return out;
  },
  'odd nesting': (html, random) =>
    html.replace(/<p\b[^>]*>/gi, (open) => (random() < 0.3 ? `${open}<div><table><tr><td><ul><li><h1>` : open)),
  'cut short': (html, random) => html.slice(0, Math.max(200, at(html, random))),
  'deep nesting': (html, random) => {
    const position = html.indexOf('<body') >= 0 ? html.indexOf('>', html.indexOf('<body')) + 1 : at(html, random);
    return `${html.slice(0, position)}${'<div><span>'.repeat(600)}deep${html.slice(position)}`;
  },
};

const KNOWN_REASONS = new Set<string>(Object.values(REASONS));

describe('extractArticle on mutated pages', () => {
  it('gives a result or a known reason, never an exception', { timeout: 180_000 }, () => {
    let runs = 0;
    for (const slug of listFixtureSlugs()) {
      const fixture = loadFixture(slug);
      for (let n = 0; n < MUTATIONS_PER_PAGE; n++) {
        const seed = runs + 1;
        const random = createRandom(seed);
        const name = pick(Object.keys(MUTATIONS), random);
        const html = (MUTATIONS[name] as Mutation)(fixture.html, random);
        const label = `${slug}, ${name}, seed ${seed}`;
        const { window } = new JSDOM(html, { url: fixture.url, virtualConsole: new VirtualConsole() });
        for (const force of [false, true]) {
          let result: ReturnType<typeof extractArticle> | undefined;
          expect(() => (result = extractArticle(window.document, { url: fixture.url, force })), label).not.toThrow();
          if (result?.isArticle) expect(typeof result.text, label).toBe('string');
          else expect(KNOWN_REASONS.has(result?.reason ?? ''), `${label}: reason "${result?.reason}"`).toBe(true);
        }
        window.close();
        runs++;
      }
    }
    expect(runs).toBe(listFixtureSlugs().length * MUTATIONS_PER_PAGE);
  });
});
