/**
 * The shared evaluation data, read in place from ../shared/bench (never copied into the repository).
 * Set TIDY_BENCH_DATA to read it from elsewhere.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../../src/cli/decode';

const repoRoot = resolve(import.meta.dirname, '../../..');
/** `shared/bench` beside the checkout (or beside the folder of worktrees holding it). */
const besideCheckout = [join(repoRoot, '../shared/bench'), join(repoRoot, '../../shared/bench')];

export const BENCH_DATA = resolve(
  process.env.TIDY_BENCH_DATA ?? besideCheckout.find((dir) => existsSync(dir)) ?? (besideCheckout[0] as string),
);

export interface ScrapinghubPage {
  id: string;
  url: string;
  expected: string;
  /** The page's bytes as saved (gunzipped), undecoded. */
  bytes(): Uint8Array;
  /** The page's text, decoded from `bytes()` as the CLI and a browser decode it. */
  html(): string;
}

export function hasData(dir: string): boolean {
  return existsSync(dir);
}

/** Exits with a clear message when the data is absent, so `npm run bench` explains itself. */
export function requireData(dir: string, what: string): void {
  if (!hasData(dir)) {
    console.warn(`Skipping ${what}: ${dir} is absent (set TIDY_BENCH_DATA to the folder holding it).`);
    process.exit(0);
  }
}

export const SCRAPINGHUB = join(BENCH_DATA, 'scrapinghub');
export const READABILITY_PAGES = join(BENCH_DATA, 'readability-test-pages');

export function loadScrapinghub(): ScrapinghubPage[] {
  const truth = JSON.parse(readFileSync(join(SCRAPINGHUB, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { url, articleBody }]) => {
      const bytes = (): Uint8Array => gunzipSync(readFileSync(join(SCRAPINGHUB, 'html', `${id}.html.gz`)));
      return { id, url, expected: articleBody, bytes, html: () => decodeHtml(bytes()).text };
    });
}

/** Published predictions of other extractors: `output/<name>.json`. */
export function loadPublished(): Map<string, Map<string, string>> {
  const dir = join(SCRAPINGHUB, 'output');
  const result = new Map<string, Map<string, string>>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      output: Record<string, { articleBody: string }>;
    };
    result.set(
      file.replace(/\.json$/, ''),
      new Map(Object.entries(data.output).map(([id, v]) => [id, v.articleBody ?? ''])),
    );
  }
  return result;
}

/**
 * Held-out halves: tune on one, confirm on the other. The split is by a hash of the page id, fixed
 * before any tuning, so neither half was chosen by looking at scores.
 */
export function halfOf(id: string): 'tune' | 'holdout' {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'holdout';
}
