/**
 * What a page says it is: its schema.org types (JSON-LD and microdata), its OpenGraph type, the
 * software that generated it and the shape of its address. Each is a declaration, not proof: the
 * engine still reads the page, and these only decide how to read it and how to label the result.
 */
import { isDiscussionPage } from '../clutter';
import { jsonLdTypes } from './json-ld';
import type { PageType } from './types';

export interface PageSignals {
  /** The page declares itself a forum thread or Q&A page: its posts are the content. */
  isDiscussion: boolean;
  /** The kind the page declares, if any. */
  declared: PageType | null;
}

const PRODUCT_TYPES =
  /^(Product|ProductGroup|IndividualProduct|ProductModel|SoftwareApplication|MobileApplication|VideoGame|Book|Vehicle|Car)$/;
const LIST_TYPES = /^(CollectionPage|SearchResultsPage|ItemList|OfferCatalog)$/;
const DOCUMENTATION_TYPES = /^(TechArticle|APIReference)$/;
const ARTICLE_TYPES =
  /^(Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|Recipe|HowTo)$/;

/** Page-level types: a page that says it is a collection is one, whatever its OpenGraph type says. */
const LIST_PAGE_TYPES = /^(CollectionPage|SearchResultsPage)$/;
/** Top-level articles marked up side by side in the page (microdata): a list of them, not one. */
const MIN_LISTED_ARTICLES = 3;
/** Products listed side by side in JSON-LD: a collection of them, not one. */
const MIN_LISTED_PRODUCTS = 3;
/** WordPress marks its category, tag, date and author pages and its search results so on `<body>`. */
const ARCHIVE_BODY_CLASS = /(^|\s)(archive|search-results)(\s|$)/;

/** Documentation generators, as their `<meta name="generator">` names them. */
const DOCUMENTATION_GENERATORS =
  /^(sphinx|mkdocs|docusaurus|gitbook|vitepress|vuepress|docsy|antora|mdbook|starlight|nextra|docfx|doxygen|javadoc|jsdoc|typedoc|read the docs|hugo book|just the docs|docsify|redocly|mintlify|retype)/i;

/** Addresses that are documentation on most sites that use them. */
const DOCUMENTATION_PATH = /\/(docs?|documentation|manual|reference|api-reference|handbook|guides?\/reference)(\/|$)/i;

function ogType(doc: Document): string {
  return (doc.querySelector('meta[property="og:type" i]')?.getAttribute('content') ?? '').trim().toLowerCase();
}

/** The schema.org types of the page's top-level microdata items. */
function microdataTypes(doc: Document): string[] {
  const types: string[] = [];
  for (const item of Array.from(doc.querySelectorAll('[itemscope][itemtype]'))) {
    if (item.parentElement?.closest('[itemscope]')) continue;
    for (const type of (item.getAttribute('itemtype') ?? '').split(/\s+/)) {
      const name = type.replace(/^https?:\/\/schema\.org\//i, '');
      if (name) types.push(name);
    }
  }
  return types;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * A page that lists articles: it declares a collection, marks up several articles side by side, or
 * is an archive page of WordPress. Its OpenGraph type is often `article` all the same (a site sets
 * one for every page), so these come first; a page whose JSON-LD declares an article, or whose
 * microdata marks up one or two, is not a list.
 */
function isListPage(doc: Document, linked: readonly string[], marked: readonly string[]): boolean {
  const isArticle = (t: string): boolean => ARTICLE_TYPES.test(t);
  if (linked.some(isArticle)) return false;
  if (marked.filter(isArticle).length >= MIN_LISTED_ARTICLES) return true;
  if (marked.some(isArticle)) return false;
  return (
    [...linked, ...marked].some((t) => LIST_PAGE_TYPES.test(t)) || ARCHIVE_BODY_CLASS.test(doc.body?.className ?? '')
  );
}

/**
 * A shop's collection or a search's results, however its products are marked up: it says it is a
 * collection page, its OpenGraph type is a group of products (`product.group`, as shop platforms
 * label their collections), or its JSON-LD lists several products side by side, as a product page
 * does not (a product's variants sit inside it).
 */
function isProductList(linked: readonly string[], marked: readonly string[], og: string): boolean {
  return (
    [...linked, ...marked].some((t) => LIST_PAGE_TYPES.test(t)) ||
    og === 'product.group' ||
    linked.filter((t) => PRODUCT_TYPES.test(t)).length >= MIN_LISTED_PRODUCTS
  );
}

function declaredType(doc: Document, url: string): PageType | null {
  const linked = jsonLdTypes(doc);
  const marked = microdataTypes(doc);
  const types = [...linked, ...marked];
  const og = ogType(doc);
  const generator = doc.querySelector('meta[name="generator" i]')?.getAttribute('content') ?? '';
  if (types.some((t) => DOCUMENTATION_TYPES.test(t)) || DOCUMENTATION_GENERATORS.test(generator.trim())) {
    return 'documentation';
  }
  const declaresProduct = types.some((t) => PRODUCT_TYPES.test(t)) || og === 'product' || og.startsWith('product.');
  if (declaresProduct) return isProductList(linked, marked, og) ? 'list' : 'product';
  if (isListPage(doc, linked, marked)) return 'list';
  if (types.some((t) => ARTICLE_TYPES.test(t)) || og === 'article' || og.startsWith('article')) return 'article';
  if (types.some((t) => LIST_TYPES.test(t))) return 'list';
  if (DOCUMENTATION_PATH.test(pathOf(url))) return 'documentation';
  return null;
}

export function readPageSignals(doc: Document, url: string): PageSignals {
  return {
    isDiscussion: isDiscussionPage(doc, url),
    declared: declaredType(doc, url),
  };
}
