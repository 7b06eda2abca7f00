import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { reportWcxb } from '../../../scripts/bench/report-wcxb';
import { declaredLanguage, scoreWcxbPage, wcxbTokens, type WcxbPage } from '../../../scripts/bench/lib/wcxb';
import type { WcxbRecord } from '../../../scripts/bench/lib/wcxb-record';

const truth = (mainContent: string) => ({ mainContent, with: [], without: [] });

describe("WCXB's tokens", () => {
  it("are words in any script, as Python's Unicode \\w reads them", () => {
    expect(wcxbTokens('Für Straße, 東京 und Ελλάδα: 42_a')).toEqual(['für', 'straße', '東京', 'und', 'ελλάδα', '42_a']);
  });

  it('score a page in German by its words, not by the ASCII between its letters', () => {
    // With ASCII-only tokens, "für" and "fär" would share "f" and "r": here they share nothing.
    expect(scoreWcxbPage('fär', truth('für')).f1).toBe(0);
    expect(scoreWcxbPage('Grüße für alle', truth('grüße für alle')).f1).toBe(1);
  });
});

describe('declaredLanguage', () => {
  const doc = (html: string) => new JSDOM(html).window.document;

  it("takes the primary subtag of the page's language, lower-cased", () => {
    expect(declaredLanguage(doc('<html lang="de-AT"><body></body></html>'))).toBe('de');
    expect(declaredLanguage(doc('<html lang="EN"><body></body></html>'))).toBe('en');
  });

  it('falls back to a Content-Language meta, and is null when nothing is declared', () => {
    expect(
      declaredLanguage(doc('<html lang=""><head><meta http-equiv="Content-Language" content="fr-CA"></head></html>')),
    ).toBe('fr');
    expect(declaredLanguage(doc('<html><body>Hallo</body></html>'))).toBeNull();
  });
});

describe('the WCXB report per language', () => {
  const page = (id: string, mainContent: string): WcxbPage => ({
    id,
    url: `https://example.org/${id}`,
    pageType: 'article',
    mainContent,
    with: [],
    without: [],
    file: '',
  });
  const record = (id: string, text: string, lang: string | null): WcxbRecord => ({
    id,
    ours: { isArticle: true, reason: null, pageType: 'article', text },
    readability: '',
    errors: [],
    ms: 1,
    lang,
  });

  it('gives each declared language its own mean, pages without one apart', () => {
    const pages = [page('1', 'eins zwei'), page('2', 'one two'), page('3', 'one two'), page('4', 'un deux')];
    const records = new Map([
      ['1', record('1', 'eins zwei', 'de')],
      ['2', record('2', 'one two', 'en')],
      ['3', record('3', 'three four', 'en')],
      ['4', record('4', 'un deux', null)],
    ]);
    const { markdown } = reportWcxb(pages, records, 'test', 1);
    const section = markdown.slice(markdown.indexOf('## Per language'), markdown.indexOf('## Refused'));
    expect(section).toMatch(/\| en \| 2 \| 0\.500 \|/);
    expect(section).toMatch(/\| de \| 1 \| 1\.000 \|/);
    expect(section).toMatch(/\| \(none declared\) \| 1 \| 1\.000 \|/);
  });
});
