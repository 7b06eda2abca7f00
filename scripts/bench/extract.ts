/**
 * `npm run bench:extract [-- dom|speed]`: how fast the engine runs, written as Markdown to
 * bench/results/ (what it extracts is `npm run bench:quality`). Reads ../shared/bench in place;
 * skips with a message without it. Speed needs a build (`npm run bench:extract` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runSpeedBenchmark } from './extract-speed';
import { BENCH_DATA, loadScrapinghub, requireData, SCRAPINGHUB } from './lib/datasets';
import { reportDom } from './report-dom';
import { reportSpeed, type CliThroughput } from './report-speed';

const root = resolve(import.meta.dirname, '../..');
const results = join(root, 'bench/results');
const parts = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (part: string): boolean => parts.length === 0 || parts.includes(part);

function progress(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (done === total || done % 20 === 0)
      process.stderr.write(`\r${label}: ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function write(name: string, markdown: string): void {
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, name), markdown);
  console.log(`wrote bench/results/${name}`);
}

function cliThroughput(): CliThroughput | null {
  const cli = join(root, 'dist/cli/tidy-reader.js');
  if (!existsSync(cli)) return null;
  const pages = loadScrapinghub();
  const list = join(tmpdir(), `tidy-reader-bench-${process.pid}.tsv`);
  writeFileSync(list, pages.map((p) => `${join(SCRAPINGHUB, 'html', `${p.id}.html.gz`)}\t${p.url}`).join('\n'));
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'extract', '--format', 'json', '--list', list], {
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  });
  return { pages: pages.length, seconds: (performance.now() - started) / 1000, exitCode: run.status ?? -1 };
}

async function main(): Promise<void> {
  requireData(BENCH_DATA, 'the extraction benchmarks');
  if (wanted('dom')) {
    requireData(SCRAPINGHUB, 'the DOM comparison');
    write('extract-dom.md', await reportDom(progress('jsdom / linkedom')));
  }
  if (wanted('speed')) {
    requireData(SCRAPINGHUB, 'the speed benchmark');
    const content = join(root, 'dist/chrome/content.js');
    if (!existsSync(content)) throw new Error('dist/chrome/content.js is missing: run `npm run build` first');
    const pages = new Map(loadScrapinghub().map((p) => [p.id, () => p.html()] as const));
    const speed = await runSpeedBenchmark(pages, { repetitions: 6, onProgress: progress('chromium') });
    const bytes = readFileSync(content);
    const cli = cliThroughput();
    const { markdown, summary } = reportSpeed(
      speed,
      { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length },
      cli,
    );
    write('extract-speed.md', markdown);
    console.log(
      `speed: median ratio ${summary.medianRatio.toFixed(2)}, p95 ${summary.p95.toFixed(1)} ms, worst ${summary.worst.toFixed(1)} ms`,
    );
  }
}

await main();
