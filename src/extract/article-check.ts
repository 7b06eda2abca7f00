/**
 * Is this page an article? Front pages, search results and other lists of links are not; the
 * reader says so (and `force` extracts anyway). Readability's `isProbablyReaderable` is the base
 * signal; a page that declares itself an article (schema.org, OpenGraph) is given the benefit of
 * the doubt, and a page that declares itself a collection or search results is not.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import type { JsonLdArticle } from './json-ld';
import { jsonLdTypes } from './json-ld';

export const REASONS = {
  frontPage: "This looks like a site's front page, not an article.",
  search: 'This looks like a page of search results, not an article.',
  collection: 'This looks like a list of articles, not an article.',
  notReaderable: 'This page does not look like an article.',
  noText: 'No article text was found on this page.',
  links: 'This page is mostly links, not an article.',
  tooLarge: 'This page is too large to extract safely.',
} as const;

const LIST_TYPES = /^(CollectionPage|SearchResultsPage|ProfilePage|ItemList|WebSite)$/;
const SEARCH_PATH = /\/(search|suche|recherche|buscar|busca|cerca|zoeken|szukaj|poisk)(\/|$|\.)/i;
const SEARCH_PARAMS = ['q', 's', 'query', 'search', 'keywords', 'k', 'term'];

function pathOf(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function declaresArticle(doc: Document, jsonLd: JsonLdArticle | null): boolean {
  if (jsonLd) return true;
  const ogType = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.toLowerCase() ?? '';
  return ogType === 'article' || ogType.startsWith('article') || ogType === 'blogposting';
}

/**
 * Old pages separate paragraphs with `<br>` inside table cells or `<font>`, which
 * `isProbablyReaderable` does not look at (it reads `p`, `pre`, `article` and `div > br`).
 */
function hasLooseProse(doc: Document): boolean {
  const parents = new Set<Element>();
  for (const br of Array.from(doc.querySelectorAll('br + br'))) if (br.parentElement) parents.add(br.parentElement);
  for (const parent of parents) {
    let loose = 0;
    for (const node of Array.from(parent.childNodes))
      if (node.nodeType === 3) loose += (node.nodeValue ?? '').trim().length;
    if (loose >= 500) return true;
  }
  return false;
}

/**
 * Front pages and section pages: many teasers, each a heading that links to another page, and no
 * declaration of being an article.
 */
function isTeaserList(doc: Document): boolean {
  const teasers = doc.querySelectorAll(
    'article h2 a[href], article h3 a[href], article a[href] h2, article a[href] h3',
  );
  return teasers.length >= 4 && doc.querySelectorAll('article').length >= 4;
}

/** A reason this page is not an article, read before extracting; null if it may be one. */
export function notAnArticleBefore(doc: Document, url: string, jsonLd: JsonLdArticle | null): string | null {
  const address = pathOf(url);
  const isArticle = declaresArticle(doc, jsonLd);
  if (address && !isArticle) {
    if (SEARCH_PATH.test(address.pathname) || SEARCH_PARAMS.some((p) => address.searchParams.get(p)?.trim())) {
      return REASONS.search;
    }
    if (/^\/(index\.\w+)?$/.test(address.pathname) && !address.search) return REASONS.frontPage;
  }
  if (!isArticle && (jsonLdTypes(doc).some((t) => LIST_TYPES.test(t) && t !== 'WebSite') || isTeaserList(doc))) {
    return REASONS.collection;
  }
  if (!isArticle && !isProbablyReaderable(doc) && !hasLooseProse(doc)) return REASONS.notReaderable;
  return null;
}

/** A reason the extracted text is not an article; null if it is one. */
export function notAnArticleAfter(text: string, linkDensity: number): string | null {
  if (text.trim().length < 200) return REASONS.noText;
  if (linkDensity > 0.5) return REASONS.links;
  return null;
}
