/**
 * The labelled set the comment-hiding bench measures on (bench/comments/labels.json): public pages
 * from ../shared/bench, named by source and id (the pages themselves stay out of the repository),
 * each with short excerpts of readers' comments and of the article, and forum or Q&A pages with
 * excerpts of their posts. `checkLabels` is the check run when the set is built and by the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../../src/shared/decode-html';
import { loadScrapinghub, READABILITY_PAGES, SCRAPINGHUB } from './datasets';
import { commonElement, joinSegments, locateExcerpt, renderableTextNodes } from './excerpts';
import { loadWcxb, WCXB } from './wcxb';

export const LABELS_FILE = resolve(import.meta.dirname, '../../../bench/comments/labels.json');

export type PageSource = 'scrapinghub' | 'wcxb' | 'readability';

export interface PageRef {
  source: PageSource;
  id: string;
}

export interface CommentPageLabel extends PageRef {
  /** Readers' words, one sentence or less each (1–3). */
  comments: string[];
  /** The article's words, from the page's ground truth (1–3). */
  article: string[];
}

export interface ForumPageLabel extends PageRef {
  /** Words of the thread's posts (1–3): they must stay visible. */
  posts: string[];
}

export interface CommentLabels {
  comments: CommentPageLabel[];
  forums: ForumPageLabel[];
}

/**
 * The public sets hold fewer pages with a comment section in their saved HTML than the issue asked
 * for (150): most sites load comments with scripts, which the snapshots do not run. The README of
 * bench/comments says how many there are.
 */
export const MIN_COMMENT_PAGES = 60;
export const MIN_FORUM_PAGES = 50;
export const MAX_EXCERPTS = 3;
/** "One sentence or less". */
export const MAX_EXCERPT_CHARS = 200;

export function loadLabels(file = LABELS_FILE): CommentLabels {
  return JSON.parse(readFileSync(file, 'utf8')) as CommentLabels;
}

export function pageFile({ source, id }: PageRef): string {
  if (source === 'scrapinghub') return join(SCRAPINGHUB, 'html', `${id}.html.gz`);
  if (source === 'wcxb') return join(WCXB, 'html', `${id}.html.gz`);
  return join(READABILITY_PAGES, id, 'source.html');
}

/** The page's HTML, decoded as a browser decodes it. */
export function pageHtml(page: PageRef): string {
  const raw = readFileSync(pageFile(page));
  return decodeHtml(page.source === 'readability' ? raw : gunzipSync(raw)).text;
}

let addresses: Map<string, string> | null = null;

/**
 * The address the page was saved from (Readability's test pages have none: each gets its own path
 * on Readability's test host).
 */
export function pageUrl(page: PageRef): string {
  if (page.source === 'readability') return `http://fakehost/test/${encodeURIComponent(page.id)}/page.html`;
  addresses ??= new Map([
    ...loadWcxb().map((p) => [`wcxb/${p.id}`, p.url] as const),
    ...loadScrapinghub().map((p) => [`scrapinghub/${p.id}`, p.url] as const),
  ]);
  const url = addresses.get(`${page.source}/${page.id}`);
  if (!url) throw new Error(`No address is known for ${page.source}/${page.id}`);
  return url;
}

/** A short, stable name for reports: `wcxb/0503`, `scrapinghub/0d46122928b6`. */
export function pageName({ source, id }: PageRef): string {
  return `${source}/${source === 'scrapinghub' ? id.slice(0, 12) : id}`;
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Whether markup alone already hides the element (CSS files aside, which the bench does not load). */
export function isHiddenByMarkup(element: Element): boolean {
  for (let el: Element | null = element, child: Element | null = null; el; child = el, el = el.parentElement) {
    if (el.hasAttribute('hidden')) return true;
    if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return true;
    // A closed <details> renders its summary only.
    if (el.localName === 'details' && !el.hasAttribute('open') && child?.localName !== 'summary') return true;
  }
  return false;
}

/** Problems with one page's excerpts in its static HTML: each must be there once, in a rendered run. */
export function checkPageExcerpts(document: Document, excerpts: readonly string[], what: string): string[] {
  const nodes = renderableTextNodes(document.body);
  const text = joinSegments(nodes.map((n) => n.data));
  const problems: string[] = [];
  for (const excerpt of excerpts) {
    const quoted = `${what} "${excerpt.slice(0, 60)}"`;
    const span = locateExcerpt(text, excerpt);
    if (!span) {
      problems.push(`${quoted} is not in the page's text`);
      continue;
    }
    if (span.occurrences !== 1) problems.push(`${quoted} occurs ${span.occurrences} times`);
    const element = commonElement(nodes[span.first] as Text, nodes[span.last] as Text);
    if (!element || isHiddenByMarkup(element)) problems.push(`${quoted} is hidden by the page's markup`);
  }
  return problems;
}

function checkCount(list: readonly string[], what: string): string[] {
  if (list.length < 1 || list.length > MAX_EXCERPTS) return [`has ${list.length} ${what} excerpts (1–${MAX_EXCERPTS})`];
  return new Set(list).size === list.length ? [] : [`repeats a ${what} excerpt`];
}

function pagesOf(labels: CommentLabels): [PageRef, [string, readonly string[]][]][] {
  return [
    ...labels.comments.map((page): [PageRef, [string, readonly string[]][]] => [
      page,
      [
        ['comment', page.comments],
        ['article', page.article],
      ],
    ]),
    ...labels.forums.map((page): [PageRef, [string, readonly string[]][]] => [page, [['post', page.posts]]]),
  ];
}

/** Problems the labels show on their own: counts, lengths, repeats, minimums. */
export function checkLabelShape(labels: CommentLabels): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [page, lists] of pagesOf(labels)) {
    const name = pageName(page);
    const report = (problem: string) => problems.push(`${name}: ${problem}`);
    if (!['scrapinghub', 'wcxb', 'readability'].includes(page.source)) report(`has an unknown source`);
    if (seen.has(name)) report('is labelled twice');
    seen.add(name);
    for (const [what, list] of lists) {
      checkCount(list, what).forEach(report);
      for (const excerpt of list) {
        if (excerpt.length > MAX_EXCERPT_CHARS)
          report(`${what} "${excerpt.slice(0, 60)}" is longer than ${MAX_EXCERPT_CHARS} characters`);
      }
    }
    const [first, second] = lists.map(([, list]) => list);
    if (second && first?.some((a) => second.some((b) => a.includes(b) || b.includes(a)))) {
      report('has an excerpt labelled both ways');
    }
  }
  if (labels.comments.length < MIN_COMMENT_PAGES) {
    problems.push(`only ${labels.comments.length} pages with comments (at least ${MIN_COMMENT_PAGES})`);
  }
  if (labels.forums.length < MIN_FORUM_PAGES) {
    problems.push(`only ${labels.forums.length} forum pages (at least ${MIN_FORUM_PAGES})`);
  }
  return problems;
}

/** Problems with the labels against the pages (which must be present): each excerpt once, rendered. */
export function checkLabelPages(labels: CommentLabels): string[] {
  const problems: string[] = [];
  for (const [page, lists] of pagesOf(labels)) {
    const report = (problem: string) => problems.push(`${pageName(page)}: ${problem}`);
    if (!existsSync(pageFile(page))) {
      report(`${pageFile(page)} does not exist`);
      continue;
    }
    // A console of its own: the pages' CSS that jsdom cannot parse is no problem of the labels.
    const { document } = new JSDOM(pageHtml(page), { virtualConsole: new VirtualConsole() }).window;
    for (const [what, list] of lists) checkPageExcerpts(document, list, what).forEach(report);
  }
  return problems;
}

/** Every problem with the labels, as `<page>: <problem>` lines; empty when they are sound. */
export function checkLabels(labels: CommentLabels): string[] {
  return [...checkLabelShape(labels), ...checkLabelPages(labels)];
}
