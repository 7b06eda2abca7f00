/**
 * WCXB (Web Content eXtraction Benchmark v1.0 by Murrough Foley, CC-BY-4.0), development split:
 * 1,497 modern pages of seven kinds with their main text. Read in place from ../shared/bench/wcxb-dev;
 * only the development split is used (its test split is held out). The score is the benchmark's own
 * `evaluate.py`, as ../shared/bench/README.md restates it: a bag of lowercased `\w+` tokens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DATA } from './datasets';

export const WCXB = join(BENCH_DATA, 'wcxb-dev');

export const PAGE_TYPES = ['article', 'documentation', 'forum', 'service', 'collection', 'listing', 'product'] as const;
export type WcxbPageType = (typeof PAGE_TYPES)[number];

export interface WcxbPage {
  id: string;
  url: string;
  pageType: WcxbPageType;
  mainContent: string;
  with: string[];
  without: string[];
  file: string;
}

interface Truth {
  url: string;
  page_type: WcxbPageType;
  main_content: string;
  with?: string[];
  without?: string[];
}

function snippets(value: string[] | undefined): string[] {
  return (value ?? []).filter((s) => typeof s === 'string' && s.trim() !== '');
}

export function loadWcxb(): WcxbPage[] {
  const truth = JSON.parse(readFileSync(join(WCXB, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  return Object.entries(truth)
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([id, t]) => ({
      id,
      url: t.url,
      pageType: t.page_type,
      mainContent: t.main_content ?? '',
      with: snippets(t.with),
      without: snippets(t.without),
      file: join(WCXB, 'html', `${id}.html.gz`),
    }));
}

/**
 * The language a page declares, as the report groups pages by it: the primary subtag of
 * `<html lang>` (or of a `Content-Language` meta), lower-cased; null when there is none.
 */
export function declaredLanguage(doc: Document): string | null {
  const declared =
    doc.documentElement.getAttribute('lang') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    '';
  const primary = /^\s*([a-z]{2,3})\b/i.exec(declared)?.[1];
  return primary ? primary.toLowerCase() : null;
}

/**
 * The fixed sample to iterate on: about a fifth of each page type, chosen by a hash of the id before
 * any tuning (the whole set is run for the report).
 */
export function isInSample(id: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 5 === 1;
}

/**
 * `evaluate.py`'s `\w+`: Python's `\w` on text is Unicode (letters, digits, the underscore), where
 * JavaScript's, even with the `u` flag, is ASCII alone ("für" would be "f" and "r").
 */
const WORD = /[\p{L}\p{N}_]+/gu;

/** The benchmark's tokens of a text: its lowercased words, in order. */
export function wcxbTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of wcxbTokens(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export interface WcxbScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of `with` snippets found; null when the page has none. */
  withRate: number | null;
  /** Share of `without` snippets found (lower is better); null when the page has none. */
  withoutRate: number | null;
}

function found(haystack: string, needles: readonly string[]): number | null {
  if (needles.length === 0) return null;
  const lower = haystack.toLowerCase();
  return needles.filter((n) => lower.includes(n.toLowerCase())).length / needles.length;
}

export function scoreWcxbPage(predicted: string, page: Pick<WcxbPage, 'mainContent' | 'with' | 'without'>): WcxbScore {
  const pred = bag(predicted);
  const gold = bag(page.mainContent);
  let predTotal = 0;
  let goldTotal = 0;
  let overlap = 0;
  for (const count of pred.values()) predTotal += count;
  for (const [word, count] of gold) {
    goldTotal += count;
    overlap += Math.min(count, pred.get(word) ?? 0);
  }
  const rates = { withRate: found(predicted, page.with), withoutRate: found(predicted, page.without) };
  if (goldTotal === 0) {
    const f1 = predTotal === 0 ? 1 : 0;
    return { precision: f1, recall: f1, f1, ...rates };
  }
  if (predTotal === 0) return { precision: 0, recall: 0, f1: 0, ...rates };
  const precision = overlap / predTotal;
  const recall = overlap / goldTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, ...rates };
}

export interface WcxbAggregate {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  withRate: number;
  withoutRate: number;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

export function aggregateWcxb(scores: readonly WcxbScore[]): WcxbAggregate {
  return {
    pages: scores.length,
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    f1: mean(scores.map((s) => s.f1)),
    withRate: mean(scores.flatMap((s) => (s.withRate === null ? [] : [s.withRate]))),
    withoutRate: mean(scores.flatMap((s) => (s.withoutRate === null ? [] : [s.withoutRate]))),
  };
}
