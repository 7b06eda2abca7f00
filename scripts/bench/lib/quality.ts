/**
 * The scrapinghub quality run: every page parsed once with jsdom, then our engine and plain
 * Readability 0.6.0 on the same DOM (Readability on a clone; our engine never mutates its input).
 * Both texts are block-separated the way the benchmark's README asks.
 */
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../../../src/cli/decode';
import { closeDocument, parseHtml } from '../../../src/cli/parse-html';
import { blockText } from '../../../src/extract/block-text';
import { extractArticle } from '../../../src/extract/extract-article';
import { loadScrapinghub, type ScrapinghubPage } from './datasets';

export interface QualityRun {
  pages: ScrapinghubPage[];
  ours: Map<string, string>;
  readability: Map<string, string>;
  /** Pages our engine judged not to be articles (their text counts as empty). */
  notArticles: { id: string; reason: string }[];
  seconds: { ours: number; readability: number };
}

export async function runQuality(onProgress?: (done: number, total: number) => void): Promise<QualityRun> {
  const pages = loadScrapinghub();
  const ours = new Map<string, string>();
  const readability = new Map<string, string>();
  const notArticles: { id: string; reason: string }[] = [];
  const seconds = { ours: 0, readability: 0 };
  for (const [i, page] of pages.entries()) {
    // The saved bytes, decoded as the CLI decodes them: a third of these pages declare no charset.
    const doc = parseHtml(decodeHtml(page.bytes()).text, page.url);
    let started = performance.now();
    const result = extractArticle(doc, { url: page.url, budgetMs: 60_000 });
    seconds.ours += (performance.now() - started) / 1000;
    ours.set(page.id, result.isArticle ? result.text : '');
    if (!result.isArticle) notArticles.push({ id: page.id, reason: result.reason ?? '' });
    started = performance.now();
    const parsed = new Readability<Element>(doc.cloneNode(true) as Document, {
      serializer: (node) => node as Element,
    }).parse();
    seconds.readability += (performance.now() - started) / 1000;
    readability.set(page.id, parsed?.content ? blockText(parsed.content) : '');
    await closeDocument(doc);
    onProgress?.(i + 1, pages.length);
  }
  return { pages, ours, readability, notArticles, seconds };
}
