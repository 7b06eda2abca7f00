import { Readability } from '@mozilla/readability';
import type { InertDocument } from './inert-document';
import type { ReadabilityMetadata } from './metadata';

export interface ReadabilityPick extends ReadabilityMetadata {
  /** Readability's article container, still in the copy of the page. */
  content: Element;
  /** That copy. */
  copy: InertDocument;
}

/**
 * Runs Readability on the (already cleaned) copy, keeping classes for our own clean-up after it and
 * returning the container element itself rather than re-serialised HTML.
 */
export function runReadability(copy: InertDocument): ReadabilityPick | null {
  const parsed = new Readability<Element>(copy, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;
  return {
    content: parsed.content,
    copy,
    title: parsed.title,
    byline: parsed.byline,
    siteName: parsed.siteName,
    publishedTime: parsed.publishedTime,
    lang: parsed.lang,
    dir: parsed.dir,
    excerpt: parsed.excerpt,
  };
}
