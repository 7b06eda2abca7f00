/**
 * The scrapinghub quality run. Ours through the built CLI, as a user runs it on saved pages:
 * `tidy-reader extract --format json --list` over the raw gzip'd files (decoded by the CLI, a third
 * of them declare no charset), in the default mode. Plain Readability 0.6.0 on the same bytes,
 * decoded and parsed the same way. Both texts are block-separated as the benchmark's README asks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../../../src/cli/decode';
import { closeDocument, parseHtml } from '../../../src/cli/parse-html';
import { blockText } from '../../../src/extract/block-text';
import type { ExtractResult } from '../../../src/extract/types';
import { loadScrapinghub, SCRAPINGHUB, type ScrapinghubPage } from './datasets';
import { englishReason } from '../../../src/shared/i18n/english';

const CLI = resolve(import.meta.dirname, '../../../dist/cli/tidy-reader.js');

export interface QualityRun {
  pages: ScrapinghubPage[];
  ours: Map<string, string>;
  readability: Map<string, string>;
  /** Pages our engine judged to hold nothing to read (their text counts as empty). */
  notArticles: { id: string; reason: string }[];
  seconds: { ours: number; readability: number };
}

/** Runs the built CLI over every page in one process and reads its JSON lines back. */
function runCliOnFiles(pages: ScrapinghubPage[]): { results: Map<string, ExtractResult>; seconds: number } {
  if (!existsSync(CLI)) throw new Error('dist/cli/tidy-reader.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'tidy-reader-quality-'));
  try {
    const list = join(dir, 'pages.tsv');
    writeFileSync(list, pages.map((p) => `${join(SCRAPINGHUB, 'html', `${p.id}.html.gz`)}\t${p.url}`).join('\n'));
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, 'extract', '--format', 'json', '--list', list], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - started) / 1000;
    // 1 says that some page gave no article: those are counted below, from the JSON lines.
    if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited with ${run.status}: ${run.stderr}`);
    const results = new Map<string, ExtractResult>();
    for (const line of run.stdout.split('\n')) {
      if (!line.trim()) continue;
      const { input, ...result } = JSON.parse(line) as ExtractResult & { input: string };
      const id = /([^/]+)\.html\.gz$/.exec(input)?.[1];
      if (id) results.set(id, result);
    }
    return { results, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runQuality(onProgress?: (done: number, total: number) => void): Promise<QualityRun> {
  const pages = loadScrapinghub();
  const cli = runCliOnFiles(pages);
  const ours = new Map<string, string>();
  const notArticles: { id: string; reason: string }[] = [];
  for (const page of pages) {
    const result = cli.results.get(page.id);
    if (!result) throw new Error(`the CLI gave no result for ${page.id}`);
    ours.set(page.id, result.isArticle ? result.text : '');
    if (!result.isArticle) notArticles.push({ id: page.id, reason: result.reason ? englishReason(result.reason) : '' });
  }
  const readability = new Map<string, string>();
  let readabilitySeconds = 0;
  for (const [i, page] of pages.entries()) {
    const doc = parseHtml(decodeHtml(page.bytes()).text, page.url);
    const started = performance.now();
    const parsed = new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
    readabilitySeconds += (performance.now() - started) / 1000;
    readability.set(page.id, parsed?.content ? blockText(parsed.content) : '');
    await closeDocument(doc);
    onProgress?.(i + 1, pages.length);
  }
  return { pages, ours, readability, notArticles, seconds: { ours: cli.seconds, readability: readabilitySeconds } };
}
