/**
 * `npm run bench:quality [-- wcxb|scrapinghub|pages] [--sample]`: what the engine extracts, judged on
 * the public sets in ../shared/bench (read in place; skipped with a message where absent), written
 * as Markdown to bench/results/:
 * - `wcxb` (extract-wcxb.md): WCXB's 1,497-page development split, per page type, default and forced;
 * - `scrapinghub` (extract-quality.md): the 181 news pages through the built CLI on the raw files;
 * - `pages` (extract-readability-pages.md): Readability's own 128 test pages.
 * `--sample` runs WCXB's fixed fifth (chosen by a hash of the page id) for iterating; the report
 * is always made from the whole split.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_DATA, READABILITY_PAGES, requireData, SCRAPINGHUB } from './lib/datasets';
import { runQuality } from './lib/quality';
import { isInSample, loadWcxb, WCXB } from './lib/wcxb';
import { runWcxb } from './lib/wcxb-run';
import { reportPages } from './report-pages';
import { reportQuality } from './report-quality';
import { reportWcxb } from './report-wcxb';

const root = resolve(import.meta.dirname, '../..');
const results = join(root, 'bench/results');
const args = process.argv.slice(2);
const parts = args.filter((a) => !a.startsWith('-'));
const isSample = args.includes('--sample');
const wanted = (part: string): boolean => parts.length === 0 || parts.includes(part);

function progress(label: string): (done: number, total: number) => void {
  return (done, total) => process.stderr.write(`\r${label}: ${done}/${total}${done === total ? '\n' : ''}`);
}

function write(name: string, markdown: string): void {
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, name), markdown);
  console.log(`wrote bench/results/${name}`);
}

async function main(): Promise<void> {
  requireData(BENCH_DATA, 'the quality benchmarks');
  if (wanted('wcxb')) {
    requireData(WCXB, 'the WCXB benchmark');
    const pages = loadWcxb().filter((p) => !isSample || isInSample(p.id));
    const started = performance.now();
    const records = await runWcxb(pages, { dir: join(root, '.cache/wcxb'), onProgress: progress('wcxb') });
    const revision = readFileSync(join(WCXB, 'SOURCE.md'), 'utf8').match(/at ([0-9a-f]{40})/)?.[1] ?? 'unknown';
    const { markdown, summary } = reportWcxb(
      pages,
      records,
      `revision ${revision}`,
      (performance.now() - started) / 1000,
    );
    const name = isSample ? 'extract-wcxb-sample.md' : 'extract-wcxb.md';
    write(name, markdown);
    const perType = Object.entries(summary.perType)
      .map(([t, s]) => `${t} ${s.forced.toFixed(3)}`)
      .join(', ');
    console.log(
      `wcxb${isSample ? ' (sample)' : ''}: forced F1 ${summary.forced.f1.toFixed(3)}, default ${summary.defaultMode.f1.toFixed(3)}, readability ${summary.readability.f1.toFixed(3)}; ${perType}; errors ${summary.errors}; bars ${summary.barsMet ? 'met' : 'NOT met'}`,
    );
  }
  if (wanted('scrapinghub')) {
    requireData(SCRAPINGHUB, 'the scrapinghub quality benchmark');
    const { markdown, summary } = reportQuality(await runQuality(progress('readability on scrapinghub')));
    write('extract-quality.md', markdown);
    console.log(
      `scrapinghub (CLI, raw files): F1 ${summary.f1.toFixed(4)} P ${summary.precision.toFixed(4)} R ${summary.recall.toFixed(4)}`,
    );
  }
  if (wanted('pages')) {
    requireData(READABILITY_PAGES, "Readability's test pages");
    const { markdown, summary } = await reportPages(progress('readability pages'));
    write('extract-readability-pages.md', markdown);
    console.log(`readability pages: mean recall ${summary.meanRecall.toFixed(4)}`);
  }
}

await main();
