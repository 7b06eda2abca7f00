import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { estimateReadingMinutes, countWords } from './reading-time';
import type { ExtractOptions, ExtractResult, RemovedCounts } from './types';

const NO_REMOVALS: RemovedCounts = { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 };

function emptyResult(url: string, reason: string, title: string): ExtractResult {
  return {
    isArticle: false,
    reason,
    url,
    title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImage: null,
    html: '',
    text: '',
    wordCount: 0,
    readingMinutes: 0,
    removed: { ...NO_REMOVALS },
  };
}

function normaliseDir(dir: string | null | undefined): 'ltr' | 'rtl' | null {
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

/**
 * Extracts the article from `doc` without touching it: Readability mutates what it parses, so it
 * always gets a deep clone.
 */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  const { url } = options;
  if (!options.force && !isProbablyReaderable(doc)) {
    return emptyResult(url, 'This page does not look like an article.', doc.title);
  }
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  if (!parsed?.content || !parsed.textContent?.trim()) {
    return emptyResult(url, 'No article text was found on this page.', doc.title);
  }
  const text = parsed.textContent.trim();
  const lang = parsed.lang ?? null;
  return {
    isArticle: true,
    url,
    title: parsed.title?.trim() || doc.title,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime ?? null,
    lang,
    dir: normaliseDir(parsed.dir),
    excerpt: parsed.excerpt?.trim() || null,
    leadImage: null,
    html: parsed.content,
    text,
    wordCount: countWords(text),
    readingMinutes: estimateReadingMinutes(text, lang),
    removed: { ...NO_REMOVALS },
  };
}
