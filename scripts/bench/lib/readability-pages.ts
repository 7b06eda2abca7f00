/**
 * Readability's own test pages (../shared/bench/readability-test-pages): our extraction must not
 * lose text Readability keeps, must get metadata right as often, and must keep lazy images.
 * `expected.html` is Readability 0.6.0's output, not a human label.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { closeDocument, parseHtml } from '../../../src/cli/parse-html';
import { blockText } from '../../../src/extract/block-text';
import { extractArticle } from '../../../src/extract/extract-article';
import { READABILITY_PAGES } from './datasets';
import { scorePage } from './score';

export const METADATA_FIELDS = ['title', 'byline', 'lang', 'dir', 'siteName', 'publishedTime'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
type Metadata = Partial<Record<MetadataField, string | null>>;

/** The URL upstream's test harness gives every page. */
const PAGE_URL = 'http://fakehost/test/page.html';

export interface TestPageResult {
  slug: string;
  /** Shingle recall of our `text` against the text of expected.html. */
  recall: number;
  /** Per field: does ours (and plain Readability's, same DOM) equal the expected value? */
  ours: Record<MetadataField, boolean | null>;
  readability: Record<MetadataField, boolean | null>;
  oursValues: Metadata;
  expectedValues: Metadata;
  /** Images with an http(s) source: in expected.html, in our html. */
  expectedImages: number;
  ourImages: number;
  isArticle: boolean;
}

export function listTestPages(): string[] {
  return readdirSync(READABILITY_PAGES)
    .filter((slug) => existsSync(join(READABILITY_PAGES, slug, 'source.html')))
    .sort();
}

/** Equal once whitespace is collapsed (Readability keeps a byline's line breaks; we collapse them). */
function compare(actual: string | null | undefined, expected: string | null | undefined): boolean | null {
  if (expected === null || expected === undefined) return null;
  const norm = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();
  return norm(actual) === norm(expected);
}

function countImages(html: string): number {
  return (html.match(/<img\b[^>]*\bsrc="https?:/gi) ?? []).length;
}

export async function runTestPage(slug: string): Promise<TestPageResult> {
  const dir = join(READABILITY_PAGES, slug);
  const source = readFileSync(join(dir, 'source.html'), 'utf8');
  const expectedHtml = readFileSync(join(dir, 'expected.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Metadata;
  const expectedDoc = parseHtml(`<body>${expectedHtml}</body>`, PAGE_URL);
  const expectedText = blockText(expectedDoc.body);
  const doc = parseHtml(source, PAGE_URL);
  const result = extractArticle(doc, { url: PAGE_URL, force: true });
  const plainDoc = parseHtml(source, PAGE_URL);
  const plain = new Readability(plainDoc, { classesToPreserve: ['caption'] }).parse();
  // jsdom windows hold their whole DOM until closed: 128 pages x 3 documents exhaust the heap.
  for (const d of [expectedDoc, doc, plainDoc]) await closeDocument(d);
  const oursValues: Metadata = Object.fromEntries(METADATA_FIELDS.map((f) => [f, result[f]]));
  const plainValues: Metadata = Object.fromEntries(METADATA_FIELDS.map((f) => [f, plain?.[f] ?? null]));
  const score = scorePage(result.text, expectedText);
  return {
    slug,
    recall: score.recall ?? 1,
    ours: Object.fromEntries(
      METADATA_FIELDS.map((f) => [f, compare(oursValues[f], expected[f])]),
    ) as TestPageResult['ours'],
    readability: Object.fromEntries(
      METADATA_FIELDS.map((f) => [f, compare(plainValues[f], expected[f])]),
    ) as TestPageResult['readability'],
    oursValues,
    expectedValues: expected,
    expectedImages: countImages(expectedHtml),
    ourImages: countImages(result.html),
    isArticle: result.isArticle,
  };
}
