/**
 * The extraction engine: a Document and its address in, plain data out. Pure and isomorphic (the
 * content script, Node with jsdom, any browser page): it reads the page it is given, works on a
 * copy, and touches no global.
 */
import type { WindowLike } from 'dompurify';
import { compileClutterRules } from '../clutter';
import { linkDensity } from '../clutter/dom';
import { notAnArticleAfter, notAnArticleBefore, REASONS } from './article-check';
import { removeControls, removeEndMatter, removeHeadMatter, removeInterfaceLines } from './article-cleanup';
import { blockText } from './block-text';
import { createBudget } from './budget';
import { isCaptionElement } from './captions';
import { findJsonLdArticle, type JsonLdArticle } from './json-ld';
import { buildMetadata, describedAs } from './metadata';
import { wrapLooseText } from './blocks';
import { PAGE_CHROME_SELECTORS } from './page-chrome';
import { CHROME, pickArticle } from './pick-article';
import { countWords, estimateReadingMinutes } from './reading-time';
import { recoverFromDeclaredBody } from './recover-body';
import { readPageMetadata } from './page-metadata';
import { noRemovals } from './removal-counts';
import { sanitiseInPlace } from './sanitise';
import type { ExtractOptions, ExtractResult, RemovedCounts } from './types';
import { absolutiseUrls, baseUrlOf } from './urls';

/** Beyond this many elements a page is not extracted (a 40,000-element page is fine). */
export const MAX_ELEMENTS = 200_000;
export const DEFAULT_BUDGET_MS = 2_000;
const COMMENTS_MARK = 'data-tidy-comments';

export interface EngineOptions extends ExtractOptions {
  /** The window whose DOM built `doc`, for the sanitiser; defaults to `doc.defaultView`. */
  window?: WindowLike;
  /** Pages with more elements than this are refused as too large (default MAX_ELEMENTS). */
  maxElements?: number;
  /**
   * Called after each step, named, with the copy (or the article): for tracing a rule while
   * developing, and for timing the steps (the content script measures each one).
   */
  onStep?: (step: string, root: Element) => void;
}

function emptyResult(url: string, reason: string, title: string, removed: RemovedCounts = noRemovals()): ExtractResult {
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

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function appendComments(article: Element, threads: Element[]): void {
  const section = article.ownerDocument.createElement('section');
  section.setAttribute(COMMENTS_MARK, '');
  section.append(article.ownerDocument.createElement('hr'), ...threads);
  article.append(section);
}

/** Body text: no captions or credits, no kept comment thread. */
function bodyText(article: Element, captions: ReadonlySet<string>): string {
  return blockText(article, { skip: (el) => el.hasAttribute(COMMENTS_MARK) || isCaptionElement(el, captions) });
}

export function extractArticle(doc: Document, options: EngineOptions): ExtractResult {
  const budget = createBudget(options.budgetMs ?? DEFAULT_BUDGET_MS);
  const { url } = options;
  const win = options.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('extractArticle needs the window of the DOM that built the document (options.window).');
  if (!doc.body) return emptyResult(url, REASONS.noText, doc.title ?? '');
  if (doc.getElementsByTagName('*').length > (options.maxElements ?? MAX_ELEMENTS)) {
    return emptyResult(url, REASONS.tooLarge, doc.title);
  }

  const jsonLd: JsonLdArticle | null = findJsonLdArticle(doc);
  if (!options.force) {
    const reason = notAnArticleBefore(doc, url, jsonLd);
    if (reason) return emptyResult(url, reason, doc.title);
  }

  const compiled = compileClutterRules(undefined, {
    host: hostOf(url),
    extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]],
  });
  const base = baseUrlOf(doc, url);
  const trace = options.onStep ?? ((): void => undefined);
  trace('start', doc.body);
  const picked = pickArticle(doc, compiled, { keepComments: options.keepComments ?? false, onStep: trace });
  if (!picked) return emptyResult(url, REASONS.noText, doc.title);
  const { pick, captions, threads, removed } = picked;
  const description = describedAs(doc, jsonLd);
  const article = pick.content;
  for (const root of [article, ...threads]) absolutiseUrls(root, base);
  trace('urls', article);
  // The page's own metadata first: the copy Readability ran on may lack the headings and bylines it reads.
  const page = readPageMetadata(doc);
  const parsed = {
    title: page.title || pick.title,
    byline: page.byline || pick.byline,
    siteName: page.siteName || pick.siteName,
    publishedTime: page.publishedTime || pick.publishedTime,
    excerpt: page.excerpt || pick.excerpt,
    lang: pick.lang,
    dir: pick.dir,
  };
  const metadata = buildMetadata(doc, parsed, jsonLd, article, base);
  const names = [metadata.byline ?? '', ...(jsonLd?.authors ?? [])].filter(Boolean);
  const context = { title: metadata.title, description, names, removed };
  trace('metadata', article);

  // No second pass of the rules over the pick: the copy Readability ran on has had them all. Such
  // a pass changed nothing on 309 benchmark pages and cost about 1.3 ms of a median page's 18.
  wrapLooseText(article);
  removeControls(article, context);
  removeInterfaceLines(article, context);
  trace('interface-lines', article);
  removeHeadMatter(article, context);
  trace('head', article);
  removeEndMatter(article, context);
  trace('tail', article);
  // The body text before recovery serves as the final text when recovery changes nothing.
  let textBefore: string | null = null;
  if (!budget.isSpent() && jsonLd?.articleBody) {
    textBefore = bodyText(article, captions);
    if (recoverFromDeclaredBody(article, jsonLd.articleBody, textBefore) !== 'none') textBefore = null;
  }
  if (threads.length > 0) appendComments(article, threads);

  const text = textBefore ?? bodyText(article, captions);
  trace('text', article);
  const density = linkDensity(article);
  sanitiseInPlace(article, win);
  trace('sanitise', article);
  if (!options.force) {
    const reason = notAnArticleAfter(text, density);
    if (reason) return emptyResult(url, reason, metadata.title, removed);
  }
  return {
    isArticle: true,
    pageType: 'article',
    url,
    title: metadata.title,
    byline: metadata.byline,
    siteName: metadata.siteName,
    publishedTime: metadata.publishedTime,
    lang: metadata.lang,
    dir: metadata.dir,
    excerpt: metadata.excerpt,
    leadImage: metadata.leadImage,
    html: article.innerHTML,
    text,
    wordCount: countWords(text),
    readingMinutes: estimateReadingMinutes(text, metadata.lang),
    removed,
  };
}
