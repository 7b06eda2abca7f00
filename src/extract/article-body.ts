/**
 * The article path: from Readability's pick (on the cleaned copy of the page's region) to the
 * article's body, without the page's interface lines, head and end matter, completed from the
 * publisher's declared `articleBody` where the page split it.
 */
import { linkDensity } from '../clutter/dom';
import { removeControls, removeEndMatter, removeHeadMatter, removeInterfaceLines } from './article-cleanup';
import { blockText } from './block-text';
import { wrapLooseText } from './blocks';
import type { Budget } from './budget';
import { isCaptionElement } from './captions';
import type { JsonLdArticle } from './json-ld';
import type { ReadabilityMetadata } from './metadata';
import type { Pick } from './pick-article';
import { recoverFromDeclaredBody } from './recover-body';
import type { RemovedCounts } from './types';

const COMMENTS_MARK = 'data-tidy-comments';

export interface ArticleBody {
  /** The article's container, in the copy Readability ran on. */
  root: Element;
  /** Body text: no captions or credits, no kept comment thread. */
  text: string;
  linkDensity: number;
  removed: RemovedCounts;
}

export interface ArticleBodyContext {
  title: string;
  description: string | null;
  names: string[];
  jsonLd: JsonLdArticle | null;
  budget: Budget;
  trace: (step: string, root: Element) => void;
}

/** Comment threads kept for the reader, after the content, marked so that its text leaves them out. */
export function appendComments(content: Element, threads: readonly Element[]): void {
  const doc = content.ownerDocument;
  const section = doc.createElement('section');
  section.setAttribute(COMMENTS_MARK, '');
  section.append(doc.createElement('hr'), ...threads.map((thread) => doc.importNode(thread, true)));
  content.append(section);
}

function bodyText(article: Element, captions: ReadonlySet<string>): string {
  return blockText(article, { skip: (el) => el.hasAttribute(COMMENTS_MARK) || isCaptionElement(el, captions) });
}

/** The metadata of the pick, completed by the page's own (Readability may have read a narrowed copy). */
export function pickMetadata(pick: Pick['pick'], page: ReadabilityMetadata): ReadabilityMetadata {
  return {
    title: page.title || pick.title,
    byline: page.byline || pick.byline,
    siteName: page.siteName || pick.siteName,
    publishedTime: page.publishedTime || pick.publishedTime,
    excerpt: page.excerpt || pick.excerpt,
    lang: pick.lang,
    dir: pick.dir,
  };
}

export function cleanArticleBody(picked: Pick, context: ArticleBodyContext): ArticleBody {
  const { pick, captions, threads, removed } = picked;
  const article = pick.content;
  const cleanup = { title: context.title, description: context.description, names: context.names, removed };
  // No second pass of the rules over the pick: the copy Readability ran on has had them all. Such
  // a pass changed nothing on 309 benchmark pages and cost about 1.3 ms of a median page's 18.
  wrapLooseText(article);
  removeControls(article, cleanup);
  removeInterfaceLines(article, cleanup);
  context.trace('interface-lines', article);
  removeHeadMatter(article, cleanup);
  context.trace('head', article);
  removeEndMatter(article, cleanup);
  context.trace('tail', article);
  // The body text before recovery serves as the final text when recovery changes nothing.
  let textBefore: string | null = null;
  const declared = context.jsonLd?.articleBody;
  if (!context.budget.isSpent() && declared) {
    textBefore = bodyText(article, captions);
    if (recoverFromDeclaredBody(pick.copy, article, declared, textBefore) !== 'none') textBefore = null;
  }
  if (threads.length > 0) appendComments(article, threads);
  const text = textBefore ?? bodyText(article, captions);
  context.trace('text', article);
  return { root: article, text, linkDensity: linkDensity(article), removed };
}
