/**
 * The extraction engine: a Document and its address in, plain data out. Pure and isomorphic (the
 * content script, Node with jsdom, any browser page): it reads the page it is given, works on a
 * copy, and touches no global.
 *
 * A reader is opened on articles, but also on forum threads, documentation, product and service
 * pages and lists. Three readings of the page, each the best for some kinds:
 * - a thread's posts, on pages that declare themselves a forum or Q&A page (discussion.ts);
 * - Readability's pick and our clean-up, for an article (pick-article.ts, article-body.ts);
 * - the page's main content without its furniture (page-content.ts), when Readability kept only a
 *   small part of it: a product's description without its specifications, one service of many.
 */
import type { WindowLike } from 'dompurify';
import { compileClutterRules, type CompiledClutter } from '../clutter';
import { linkDensity } from '../clutter/dom';
import { sanitiseElement } from '../sanitise/policy';
import { hostnameOf } from '../shared/host';
import { listsCards, REASONS, refusalOf } from './article-check';
import { appendComments, cleanArticleBody, pickMetadata } from './article-body';
import { blockText } from './block-text';
import { hasDate } from './boilerplate';
import { createBudget, type Clock } from './budget';
import { buildThread, microdataPosts, POST_HEADER, repeatedPosts, type Post } from './discussion';
import { findJsonLdArticle, type JsonLdArticle } from './json-ld';
import { buildMetadata, describedAs, type ArticleMetadata, type ReadabilityMetadata } from './metadata';
import { findListItems, rebuildAsList } from './list-items';
import { isPickLeftOut } from './pick-left-out';
import { noscriptFallback } from './noscript-fallback';
import { extractPageContent, mayHoldMoreWords, type PageContentOptions } from './page-content';
import { PAGE_CHROME_SELECTORS } from './page-chrome';
import { removeProductFurniture } from './product-furniture';
import { readPageMetadata } from './page-metadata';
import { readPageSignals, type PageSignals } from './page-signals';
import { CHROME, pickArticle, readPage, type PageReading } from './pick-article';
import { countWords, estimateReadingMinutes } from './reading-time';
import { noRemovals } from './removal-counts';
import type { ExtractOptions, ExtractResult, NotArticleReason, PageType, RemovedCounts } from './types';
import { absolutiseUrls, baseUrlOf } from './urls';

/** Beyond this many elements a page is not extracted (a 40,000-element page is fine). */
export const MAX_ELEMENTS = 200_000;
export const DEFAULT_BUDGET_MS = 2_000;
/**
 * Readability's pick is kept unless the page's main content holds more than this many times its
 * words: then the pick is one part of a page that is not one article.
 */
const PAGE_CONTENT_RATIO = 2;
/**
 * A page that declares nothing is most often a company's page about a service, a landing page:
 * sections side by side under their headings, of which Readability keeps one. Its main content
 * replaces the pick sooner, as a product's does.
 */
const UNDECLARED_CONTENT_RATIO = 1.5;
/** A product page is seldom one piece of prose: its features and specifications sit beside its description. */
const PRODUCT_CONTENT_RATIO = 1.5;
/**
 * On a page that declares itself an article, the rest of its main content is mostly other
 * articles' teasers and the site's furniture: the pick gives way when it found next to nothing,
 * or when it is a small part of content that holds the page's prose in one place (one item of a
 * list article, "the 20 best…", that Readability took for the whole).
 */
const ARTICLE_CONTENT_RATIO = 4;
const MIN_ARTICLE_PICK_WORDS = 50;
/** A thread needs this many words in its posts to be read as one. */
const MIN_THREAD_WORDS = 20;

export interface EngineOptions extends ExtractOptions {
  /** The window whose DOM built `doc`, for the sanitiser; defaults to `doc.defaultView`. */
  window?: WindowLike;
  /** The clock the time budget is kept by (default `Date.now`); the engine reads no timer of its own. */
  clock?: Clock;
  /** Pages with more elements than this are refused as too large (default MAX_ELEMENTS). */
  maxElements?: number;
  /**
   * Called after each step, named, with the copy (or the article): for tracing a rule while
   * developing, and for timing the steps (the content script measures each one).
   */
  onStep?: (step: string, root: Element) => void;
}

function emptyResult(
  url: string,
  reason: NotArticleReason,
  title: string,
  removed: RemovedCounts = noRemovals(),
): ExtractResult {
  return {
    isArticle: false,
    pageType: 'page',
    reason,
    url,
    title: title.trim(),
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
    removed,
  };
}

/** What one reading of the page found, before it is made safe and measured. */
interface Content {
  root: Element;
  text: string;
  pageType: PageType;
  metadata: ArticleMetadata;
  removed: RemovedCounts;
}

interface Context {
  doc: Document;
  url: string;
  base: string;
  jsonLd: JsonLdArticle | null;
  signals: PageSignals;
  /** The page's metadata as Readability reads it, with the document's language and direction. */
  page: ReadabilityMetadata;
  compiled: CompiledClutter;
}

/**
 * A thread's posts, on a page that declares itself a discussion or marks up its opening post as
 * one. A blog post's comments marked up as schema.org `Comment`s do not make it a thread.
 */
function threadPosts(doc: Document, signals: PageSignals): Post[] {
  const body = doc.body as HTMLElement;
  const marked = microdataPosts(body);
  const opens = marked.some((post) => post.opens);
  if (opens && marked.length > 1) return marked;
  if (!opens && !signals.isDiscussion) return [];
  // Replies marked up without their opening post (XenForo), or the opening post alone (Tapatalk):
  // the posts' shape may find them all, and when the opening post is marked, must include it.
  const shaped = repeatedPosts(body, { hasDate });
  const holdsMarked = marked.every((m) => shaped.some((s) => s.body.contains(m.body) || m.body.contains(s.body)));
  return textOf(shaped) > textOf(marked) && (!opens || holdsMarked) ? shaped : marked;
}

function textOf(posts: readonly Post[]): number {
  return posts.reduce((sum, post) => sum + (post.body.textContent ?? '').trim().length, 0);
}

/** `countWords`, remembering the last text it counted: the pick's text is usually the result's. */
function wordCounter(): (text: string) => number {
  let last: string | null = null;
  let words = 0;
  return (text) => {
    if (text !== last) {
      last = text;
      words = countWords(text);
    }
    return words;
  };
}

function readThread(context: Context): Content | null {
  const posts = threadPosts(context.doc, context.signals);
  if (posts.length === 0) return null;
  const root = buildThread(context.doc, posts);
  const text = blockText(root, { skip: (el) => el.hasAttribute(POST_HEADER) });
  if (countWords(text) < MIN_THREAD_WORDS) return null;
  absolutiseUrls(root, context.base);
  const metadata = buildMetadata(context.doc, context.page, context.jsonLd, root, context.base);
  // A thread's first post is its author's: the page's byline is that, not a reporter's.
  metadata.byline = posts[0]?.author ?? metadata.byline;
  metadata.publishedTime = posts[0]?.date ?? metadata.publishedTime;
  return { root, text, pageType: 'discussion', metadata, removed: noRemovals() };
}

function pageContentOptions(context: Context, reading: PageReading): PageContentOptions {
  return {
    classified: reading.outer,
    protect: reading.anchor ? [reading.anchor] : [],
    compiled: context.compiled,
    isProduct: context.signals.declared === 'product',
  };
}

/** The page's main content; its metadata is read only if it is chosen over the pick. */
function readPageContent(
  context: Context,
  options: PageContentOptions,
): (Omit<Content, 'metadata' | 'removed'> & { sectionsLeftOut: string[] }) | null {
  const sectionsLeftOut: string[] = [];
  const root = extractPageContent(context.doc, { ...options, sectionsLeftOut });
  if (!root) return null;
  const { declared } = context.signals;
  const pageType: PageType = declared && declared !== 'article' ? declared : 'page';
  absolutiseUrls(root, context.base);
  return { root, text: blockText(root), pageType, sectionsLeftOut };
}

/** Content that is a list of items (teasers, products, results) on a page that declares a list or nothing. */
function asList(content: Content): Content {
  const items = findListItems(content.root);
  if (!items || !rebuildAsList(items)) return content;
  return { ...content, pageType: 'list', text: blockText(content.root) };
}

interface PickSizes {
  declared: PageType | null;
  pickWords: number;
  /** The page's prose sits in one part of it, not spread over the whole body. */
  proseInOnePart: boolean;
}

/** The words the page's main content must exceed to replace Readability's pick; never, when infinite. */
export function wordsToReplacePick({ declared, pickWords, proseInOnePart }: PickSizes): number {
  if (declared === 'product') return pickWords * PRODUCT_CONTENT_RATIO;
  if (declared === null) return pickWords * UNDECLARED_CONTENT_RATIO;
  if (declared !== 'article' || pickWords < MIN_ARTICLE_PICK_WORDS) return pickWords * PAGE_CONTENT_RATIO;
  // A declared article whose prose is spread over the whole body keeps its pick: the page is not read twice.
  return proseInOnePart ? pickWords * ARTICLE_CONTENT_RATIO : Number.POSITIVE_INFINITY;
}

export function extractArticle(doc: Document, options: EngineOptions): ExtractResult {
  const budget = createBudget(options.budgetMs ?? DEFAULT_BUDGET_MS, options.clock);
  const { url } = options;
  const win = options.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('extractArticle needs the window of the DOM that built the document (options.window).');
  if (!doc.body) return emptyResult(url, REASONS.noText, doc.title ?? '');
  if (doc.getElementsByTagName('*').length > (options.maxElements ?? MAX_ELEMENTS)) {
    return emptyResult(url, REASONS.tooLarge, doc.title);
  }
  // An empty app shell with its content in <noscript>: read that (the copy has no noscript left).
  const fallback = noscriptFallback(doc);
  if (fallback) return extractArticle(fallback, { ...options, window: win });

  const jsonLd = findJsonLdArticle(doc);
  const signals = readPageSignals(doc, url);
  const compiled = compileClutterRules(undefined, {
    host: hostnameOf(url),
    extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]],
  });
  const base = baseUrlOf(doc, url);
  const trace = options.onStep ?? ((): void => undefined);
  trace('start', doc.body);
  // The page's own metadata first: the copy Readability runs on may lack the headings and bylines it reads.
  const page = readPageMetadata(doc);
  const root = doc.documentElement;
  const context: Context = {
    doc,
    url,
    base,
    jsonLd,
    signals,
    page: { ...page, lang: root?.getAttribute('lang'), dir: root?.getAttribute('dir') },
    compiled,
  };
  const keepComments = options.keepComments ?? false;
  const wordsIn = wordCounter();

  let content = readThread(context);
  if (content) trace('thread', content.root);
  if (!content) {
    const reading = readPage(doc, compiled);
    trace('classify', doc.body);
    const picked = pickArticle(doc, reading, compiled, { keepComments, onStep: trace });
    if (picked) {
      const { pick, threads } = picked;
      // A shop's reviews are the product's comment thread, and other products are not this one.
      if (signals.declared === 'product') removeProductFurniture(pick.content);
      for (const root of [pick.content, ...threads]) absolutiseUrls(root, base);
      trace('urls', pick.content);
      const metadata = buildMetadata(doc, pickMetadata(pick, page), jsonLd, pick.content, base);
      const names = [metadata.byline ?? '', ...(jsonLd?.authors ?? [])].filter(Boolean);
      trace('metadata', pick.content);
      const body = cleanArticleBody(picked, {
        title: metadata.title,
        description: describedAs(doc, jsonLd),
        names,
        jsonLd,
        budget,
        trace,
      });
      const pageType: PageType = signals.declared ?? 'article';
      content = { root: body.root, text: body.text, pageType, metadata, removed: body.removed };
    }
    const pick = {
      declared: signals.declared,
      pickWords: wordsIn(content?.text ?? ''),
      proseInOnePart: picked?.proseInOnePart ?? false,
    };
    const needed = wordsToReplacePick(pick);
    if (!budget.isSpent() && needed < Number.POSITIVE_INFINITY) {
      const contentOptions = pageContentOptions(context, reading);
      // Telling that the content cannot be larger costs a fraction of reading it. A product's
      // pick may be a review, which its content replaces whatever their sizes: that is always read.
      const mayReplace =
        (contentOptions.isProduct && content !== null) || mayHoldMoreWords(doc, contentOptions, needed);
      trace('page-content-size', doc.body);
      const whole = mayReplace ? readPageContent(context, contentOptions) : null;
      if (mayReplace) trace('page-content', whole?.root ?? doc.body);
      // A product's pick from a section its content left out is a review, not the description.
      const isFurniture = content !== null && whole !== null && isPickLeftOut(content.text, whole.sectionsLeftOut);
      if (whole && (wordsIn(whole.text) > needed || isFurniture)) {
        const metadata = buildMetadata(doc, context.page, jsonLd, whole.root, base);
        if (picked && picked.threads.length > 0) appendComments(whole.root, picked.threads);
        const { root, text, pageType } = whole;
        content = { root, text, pageType, metadata, removed: content?.removed ?? noRemovals() };
      }
    }
  }
  if (!content) return emptyResult(url, REASONS.noText, doc.title);
  // Cards as the page drew them (rebuilding a list heads every item).
  const hasCards = listsCards(content.root);
  // A page that declares a list is rebuilt as one too: its cards' parts (year, length, rating)
  // are often inline siblings the page's layout sets apart, which read as one glued word.
  const mayBeList = !signals.declared || signals.declared === 'list';
  if (content.pageType !== 'discussion' && mayBeList) content = asList(content);

  // The text is read before the HTML is made safe: the cards that replace embedded players
  // (src/sanitise/media-card.ts) are part of the HTML, never of the article's words.
  const { text, metadata, removed } = content;
  const density = linkDensity(content.root);
  const isCardList = content.pageType === 'list' && hasCards;
  sanitiseElement(content.root, { window: win, profile: 'extracted', baseUrl: base });
  trace('sanitise', content.root);
  if (!options.force) {
    const reason = refusalOf(doc, text, density, isCardList);
    if (reason) return emptyResult(url, reason, metadata.title, removed);
  }
  return {
    isArticle: true,
    pageType: content.pageType,
    url,
    title: metadata.title,
    byline: metadata.byline,
    siteName: metadata.siteName,
    publishedTime: metadata.publishedTime,
    lang: metadata.lang,
    dir: metadata.dir,
    excerpt: metadata.excerpt,
    leadImage: metadata.leadImage,
    html: content.root.innerHTML,
    text,
    wordCount: wordsIn(text),
    readingMinutes: estimateReadingMinutes(text, metadata.lang),
    removed,
  };
}
