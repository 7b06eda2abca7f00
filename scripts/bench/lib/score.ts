/**
 * The scrapinghub benchmark's score, exactly as ../shared/bench/README.md defines it: 4-token
 * shingles as multisets, per-page counts normalised so that every page weighs the same, precision and
 * recall averaged over pages, F1 of the two averages, and a paired bootstrap over pages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenise(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Every run of 4 consecutive tokens as a multiset; a text with fewer than 4 tokens is one shingle. */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = tokenise(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const add = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < size) {
    add(tokens.join(' '));
    return counts;
  }
  for (let i = 0; i + size <= tokens.length; i++) add(tokens.slice(i, i + size).join(' '));
  return counts;
}

export interface PageScore {
  /** tp, fp, fn divided by their sum. */
  tp: number;
  fp: number;
  fn: number;
  /** null when the page is left out of that mean (tp+fp = 0, or tp+fn = 0). */
  precision: number | null;
  recall: number | null;
}

export function scorePage(predicted: string, expected: string): PageScore {
  const pred = shingles(predicted);
  const gold = shingles(expected);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of pred) {
    const other = gold.get(key) ?? 0;
    tp += Math.min(count, other);
    fp += Math.max(0, count - other);
  }
  for (const [key, count] of gold) fn += Math.max(0, count - (pred.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  return {
    tp,
    fp,
    fn,
    precision: fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? null : tp / (tp + fp),
    recall: fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? null : tp / (tp + fn),
  };
}

export interface Aggregate {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function aggregate(pages: PageScore[]): Aggregate {
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.flatMap((p) => (p.recall === null ? [] : [p.recall])));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}

/** A small deterministic PRNG (mulberry32), so that a report is reproducible. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Spread {
  /** 2.5th and 97.5th percentiles. */
  low: number;
  high: number;
  std: number;
}

function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const m = mean(values);
  const std = Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
  return { low: at(0.025), high: at(0.975), std };
}

export function bootstrapF1(pages: PageScore[], resamples = 1000, seed = 1): Spread {
  const random = createRandom(seed);
  const f1s: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = pages.map(() => pages[Math.floor(random() * pages.length)] as PageScore);
    f1s.push(aggregate(sample).f1);
  }
  return spreadOf(f1s);
}

export interface PairedBootstrap extends Spread {
  /** F1(a) − F1(b) on the full set. */
  difference: number;
  /** Share of resamples in which a's F1 exceeds b's. */
  shareAbove: number;
}

/** The same resampled pages for both extractors, so page difficulty cancels out. */
export function pairedBootstrap(a: PageScore[], b: PageScore[], resamples = 1000, seed = 1): PairedBootstrap {
  if (a.length !== b.length) throw new Error('paired bootstrap needs the same pages for both');
  const random = createRandom(seed);
  const diffs: number[] = [];
  let above = 0;
  for (let r = 0; r < resamples; r++) {
    const picks = a.map(() => Math.floor(random() * a.length));
    const d = aggregate(picks.map((i) => a[i] as PageScore)).f1 - aggregate(picks.map((i) => b[i] as PageScore)).f1;
    diffs.push(d);
    if (d > 0) above++;
  }
  return { ...spreadOf(diffs), difference: aggregate(a).f1 - aggregate(b).f1, shareAbove: above / resamples };
}

/**
 * What a difference's 95% interval lets a report claim: better or worse only when the interval
 * excludes zero (issue 20), never from the share of resamples alone.
 */
export function claimOf(interval: { low: number; high: number }): 'better' | 'worse' | 'no significant difference' {
  if (interval.low > 0) return 'better';
  if (interval.high < 0) return 'worse';
  return 'no significant difference';
}
