/**
 * One worker of the WCXB run: for each page id given, decodes the file as the CLI does, parses it
 * with jsdom, runs our engine in the popup's default mode (and forced when the default refuses) and
 * plain Readability 0.6.0 on a clone of the same DOM, and appends one JSON line per page.
 * Usage: tsx scripts/bench/wcxb-worker.ts <out.jsonl> <id> [<id> …]
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../../src/cli/decode';
import { closeDocument, parseHtml } from '../../src/cli/parse-html';
import { blockText } from '../../src/extract/block-text';
import { extractArticle } from '../../src/extract/extract-article';
import { englishReason } from '../../src/shared/i18n/english';
import { declaredLanguage, loadWcxb } from './lib/wcxb';
import type { WcxbRecord } from './lib/wcxb-record';

const [out, ...ids] = process.argv.slice(2);
if (!out) throw new Error('usage: wcxb-worker <out.jsonl> <id>…');
const pages = new Map(loadWcxb().map((p) => [p.id, p]));

function errorOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

for (const id of ids) {
  const page = pages.get(id);
  if (!page) continue;
  const record: WcxbRecord = { id, ours: null, readability: null, errors: [], ms: 0 };
  let doc: Document | null = null;
  try {
    const { text } = decodeHtml(gunzipSync(readFileSync(page.file)));
    doc = parseHtml(text, page.url);
    record.lang = declaredLanguage(doc);
    const started = performance.now();
    try {
      const result = extractArticle(doc, { url: page.url, budgetMs: 60_000 });
      const forced = result.isArticle ? result : extractArticle(doc, { url: page.url, budgetMs: 60_000, force: true });
      record.ours = {
        isArticle: result.isArticle,
        reason: result.reason ? englishReason(result.reason) : null,
        pageType: forced.pageType,
        text: forced.text,
      };
    } catch (error) {
      record.errors.push(`ours: ${errorOf(error)}`);
    }
    record.ms = performance.now() - started;
    try {
      const parsed = new Readability<Element>(doc.cloneNode(true) as Document, {
        serializer: (node) => node as Element,
      }).parse();
      record.readability = parsed?.content ? blockText(parsed.content) : '';
    } catch (error) {
      record.errors.push(`readability: ${errorOf(error)}`);
    }
  } catch (error) {
    record.errors.push(`parse: ${errorOf(error)}`);
  } finally {
    if (doc) await closeDocument(doc);
  }
  appendFileSync(out, `${JSON.stringify(record)}\n`);
}
