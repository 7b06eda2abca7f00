/**
 * The page side of live clutter hiding. The browser applies the stylesheets (inserted by the
 * background, or registered for always-on sites); this module does what CSS cannot: it marks the
 * article body and everything around it as kept (the rules use `:not([data-tidy-keep])`), marks
 * blocks that only their text reveals ("Watch more on …TV"), counts what is hidden, turns groups
 * on and off with one attribute on the root, and re-runs for widgets that load late.
 */
import {
  anchorOutsideThreads,
  classifyOutermost,
  CLUTTER_ATTRIBUTE,
  commentThreadAround,
  compileClutterRules,
  findClutter,
  GROUP_CATEGORIES,
  groupOf,
  HIDE_GROUPS,
  isDiscussionPage,
  isGroupKeptOn,
  KEEP_ATTRIBUTE,
  MARKED_ATTRIBUTE,
  paragraphChars,
  PICKED_GROUP,
  trimmedText,
  SHOW_ATTRIBUTE,
  type ClutterMatch,
  type CompiledClutter,
  type GroupSwitches,
  type ProseParagraph,
  type StyleGroup,
} from '../../clutter';
import type { ClutterPlan, PageClutterReport } from '../../shared/clutter-types';
import type { ListTokensRequest } from '../../shared/messaging/filter-list-protocol';
import { countListed, createListTokens } from './list-tokens';
import { createThrottledObserver, type ThrottledObserver } from './throttled-observer';

/** Marks each pass in the page's performance timeline, for benchmarks. */
export const CLUTTER_MARK = 'tidy-reader:clutter';
/** The part of the first pass that compiles the rules (once per page). */
export const COMPILE_MARK = 'tidy-reader:clutter-compile';
/** Bound on text nodes the text pass reads: a pathological page stays cheap. */
const MAX_TEXT_NODES = 20_000;
/** A non-comment match holding more of the page's prose than this is a mislabelled article. */
const MAX_PROSE_SHARE = 0.3;
/** Paragraph text that makes a block a post on a forum or Q&A page (a one-line reply). */
const MIN_POST_PROSE = 60;

export interface PageClutter {
  apply(plan: ClutterPlan): PageClutterReport;
  showAll(): PageClutterReport;
  report(): PageClutterReport | null;
  /** Records stylesheets the browser now applies to this document, so none is inserted twice. */
  noteSheets(sheets: readonly string[]): void;
  /**
   * The class names, ids and links new on the page since the last call, when the reader's filter
   * lists apply here (promos hidden, lists subscribed); null otherwise or when nothing is new.
   */
  listTokens(): ListTokensRequest | null;
  /** A `listTokens()` request that failed: send its tokens again next time. */
  forgetListTokens(request: ListTokensRequest): void;
  /** The list rules the background inserted for this page: counted from now on. */
  addListSelectors(selectors: readonly string[]): PageClutterReport;
  stop(): void;
}

function isJumpLink(element: Element): boolean {
  return element.tagName === 'A' || element.tagName === 'BUTTON';
}

export interface ArticleAnchor {
  anchor: Element | null;
  /** Characters of prose on the page outside comment threads. */
  prose: number;
}

/**
 * The element holding the article body, found as extraction finds it (`anchorOutsideThreads`).
 * `walked` is `classifyOutermost`'s result and the paragraphs it collected, when the caller has them.
 */
export function findArticleAnchor(
  body: Element,
  compiled: CompiledClutter,
  walked?: { classified: readonly (readonly [Element, string])[]; paragraphs: readonly Element[] },
  options: { threads?: boolean } = {},
): ArticleAnchor {
  const found: Element[] = [];
  const { classified, paragraphs } = walked ?? {
    classified: classifyOutermost(body, compiled, found),
    paragraphs: found,
  };
  const { anchor, prose } = anchorOutsideThreads(body, classified, paragraphs);
  const sum = (list: readonly ProseParagraph[]) => list.reduce((total, p) => total + p.length, 0);
  // One long comment can outweigh a page whose content is a list or a table: the body is then
  // looked for outside its thread, and the thread stays whole when nothing else has prose.
  const thread = options.threads !== false && anchor ? commentThreadAround(anchor, body) : null;
  if (thread) {
    const outside = paragraphs.filter((p) => !thread.contains(p));
    const again = anchorOutsideThreads(body, [...classified, [thread, 'comments']], outside);
    if (again.anchor && !thread.contains(again.anchor)) return { anchor: again.anchor, prose: sum(again.prose) };
  }
  return { anchor, prose: sum(prose) };
}

/**
 * The page's outermost clutter, and, inside any match that holds the article (a mislabelled
 * wrapper, which the guard keeps; code never holds it either), the clutter within it.
 */
function classifyAroundArticle(
  body: Element,
  compiled: CompiledClutter,
  threads: boolean,
): {
  classified: [Element, string][];
  article: ArticleAnchor;
} {
  const paragraphs: Element[] = [];
  const classified = classifyOutermost(body, compiled, paragraphs);
  const article = findArticleAnchor(body, compiled, { classified, paragraphs }, { threads });
  const anchor = article.anchor;
  if (!anchor) return { classified, article };
  for (let i = 0; i < classified.length; i++) {
    const [element] = classified[i] as [Element, string];
    if (element.contains(anchor)) classified.push(...classifyOutermost(element, compiled));
  }
  return { classified, article };
}

/** A post shorter than this (characters of prose outside the comments)… */
const MAX_SHORT_POST_PROSE = 500;
/** …under comments holding this many times its text: the comments are the page. */
const THREAD_TO_POST = 3;

/**
 * A page whose comments are its content though nothing declares it: a link aggregator's story,
 * a forum whose software does not say so. A short post and a thread many times longer.
 */
function isThreadThePage(matches: readonly ClutterMatch[], anchor: Element | null, prose: number): boolean {
  if (prose >= MAX_SHORT_POST_PROSE) return false;
  let threadText = 0;
  let threadInAnchor = 0;
  for (const match of matches) {
    if (match.category !== 'comments') continue;
    const length = trimmedText(match.element).length;
    threadText += length;
    if (anchor?.contains(match.element)) threadInAnchor += length;
  }
  // A post written with <br> rather than <p> counts by its text, the thread beside it left out.
  const post = Math.max(prose, anchor ? trimmedText(anchor).length - threadInAnchor : 0);
  return post < MAX_SHORT_POST_PROSE && threadText > Math.max(post, MIN_THREAD_TEXT) * THREAD_TO_POST;
}
/** A comment box and three short replies are no forum. */
const MIN_THREAD_TEXT = 500;

/** The threads found on an earlier pass, added to this pass's matches as the finder would. */
function withThreads(matches: ClutterMatch[], threads: readonly Element[], anchor: Element | null): ClutterMatch[] {
  const result = [...matches];
  for (const thread of threads) {
    if (!thread.isConnected || (anchor && thread.contains(anchor))) continue;
    if (result.some((m) => m.element === thread || m.element.contains(thread))) continue;
    const inside = result.filter((m) => thread.contains(m.element));
    for (const m of inside) result.splice(result.indexOf(m), 1);
    result.push({ element: thread, category: 'comments', by: 'structure' });
  }
  return result;
}

export interface PageClutterOptions {
  /**
   * Also recognise comment threads by their structure (default true). Off, only the rules and the
   * text signals find clutter: the comment bench measures the rules alone that way.
   */
  threads?: boolean;
  /** Called after each pass the page's own changes caused (widgets that load late). */
  onObservedPass?: () => void;
}

export function createPageClutter(doc: Document, host: string, options: PageClutterOptions = {}): PageClutter {
  const threads = options.threads ?? true;
  let lastThreads: { elements: number; found: Element[] } | null = null;
  let plan: ClutterPlan | null = null;
  let showAll = false;
  let last: PageClutterReport | null = null;
  const sheets = new Set<string>();
  // Read once the page has its head: a script registered at document_start starts before it.
  let discussion: boolean | null = null;
  const isDiscussion = (): boolean => {
    // A site whose rules keep its comments (a link aggregator, an issue tracker) is one too: the
    // reader is told why its comments stay.
    if (discussion === null && doc.body) discussion = isDiscussionPage(doc) || isGroupKeptOn('comments', host);
    return discussion ?? false;
  };
  let compiled: CompiledClutter | null = null;
  let observer: ThrottledObserver | null = null;
  const listTokens = createListTokens();
  const listSelectors = new Set<string>();
  const listsApply = (): boolean =>
    Boolean(plan?.lists) && !showAll && activeGroups().includes('promos') && doc.body !== null;

  const activeGroups = (): StyleGroup[] => {
    if (!plan || showAll) return [];
    const on: StyleGroup[] = HIDE_GROUPS.filter((g) => plan?.groups[g] && !(g === 'comments' && isDiscussion()));
    if (plan.picked.length > 0) on.push(PICKED_GROUP);
    return on;
  };

  const setShown = (): void => {
    const active = activeGroups();
    const shown = [...HIDE_GROUPS, PICKED_GROUP].filter((g) => !active.includes(g));
    doc.documentElement.setAttribute(SHOW_ATTRIBUTE, shown.join(' '));
  };

  /** Keeps the article body and its ancestors, and any match that holds much of the prose. */
  const guard = (matches: readonly ClutterMatch[], anchor: Element | null, total: number): Set<Element> => {
    const kept = new Set<Element>();
    for (let el: Element | null = anchor; el; el = el.parentElement) kept.add(el);
    const discussion = isDiscussion();
    for (const match of matches) {
      if (match.category === 'comments') continue;
      const prose = paragraphChars(match.element);
      if (total > 0 && prose > total * MAX_PROSE_SHARE) kept.add(match.element);
      // On a forum or Q&A page a block only its words mark (a "Share" menu atop a short reply) may
      // hold a post: a paragraph of it is enough to keep the block.
      else if (discussion && match.by !== 'selector' && prose >= MIN_POST_PROSE) kept.add(match.element);
    }
    for (const el of Array.from(doc.querySelectorAll(`[${KEEP_ATTRIBUTE}]`))) {
      if (!kept.has(el)) el.removeAttribute(KEEP_ATTRIBUTE);
    }
    for (const el of kept) el.setAttribute(KEEP_ATTRIBUTE, '');
    return kept;
  };

  const countPicked = (kept: ReadonlySet<Element>): number => {
    if (!plan) return 0;
    let count = 0;
    for (const selector of plan.picked) {
      try {
        for (const el of Array.from(doc.querySelectorAll(selector))) if (!kept.has(el)) count += 1;
      } catch {
        // A rule this browser cannot parse hides nothing and counts nothing.
      }
    }
    return count;
  };

  const run = (): PageClutterReport => {
    const started = performance.now();
    const body = doc.body;
    const counts: PageClutterReport['counts'] = { comments: 0, promos: 0, picked: 0 };
    if (plan && body && !showAll) {
      if (!compiled) {
        const compiling = performance.now();
        compiled = compileClutterRules(undefined, { host });
        performance.measure(COMPILE_MARK, { start: compiling });
      }
      const categories = HIDE_GROUPS.filter((g) => plan?.groups[g] && !(g === 'comments' && isDiscussion())).flatMap(
        (g) => GROUP_CATEGORIES[g],
      );
      const { classified, article } = classifyAroundArticle(body, compiled, threads);
      const anchor = article.anchor;
      // The thread finder reads the page again only when elements came or went since it last did:
      // a switch flipped or our own marks leave its answer as it was.
      const elements = doc.getElementsByTagName('*').length;
      const findThreads = threads && categories.includes('comments') && lastThreads?.elements !== elements;
      let matches =
        categories.length === 0
          ? []
          : findClutter(body, compiled, {
              categories,
              protect: anchor ? [anchor] : [],
              classified,
              maxTextNodes: MAX_TEXT_NODES,
              threads: findThreads,
            });
      if (findThreads) {
        lastThreads = { elements, found: matches.filter((m) => m.by === 'structure').map((m) => m.element) };
      } else if (threads && categories.includes('comments') && lastThreads) {
        matches = withThreads(matches, lastThreads.found, anchor);
      }
      if (isThreadThePage(matches, anchor, article.prose)) {
        // The comments are the page: show them (and leave the promos found beside them hidden).
        discussion = true;
        matches = matches.filter((match) => match.category !== 'comments');
      }
      const kept = guard(matches, anchor, article.prose);
      for (const match of matches) {
        if (kept.has(match.element)) continue;
        const group = groupOf(match.category);
        if (match.by !== 'selector') match.element.setAttribute(CLUTTER_ATTRIBUTE, group);
        // "20 comments" jump links go with the thread; the reader counts sections, not links.
        if (group === 'comments' && isJumpLink(match.element)) continue;
        counts[group] += 1;
      }
      counts.picked = countPicked(kept);
      if (listSelectors.size > 0 && categories.includes('promos')) {
        const ours = new Set(matches.filter((m) => !kept.has(m.element)).map((m) => m.element));
        const code = compiled.exceptions.selectors.join(', ');
        const listed = countListed(doc, [...listSelectors], kept, ours, code);
        counts.promos += listed;
        if (listed > 0) counts.lists = listed;
      }
      // From here the marks guard the article: the stylesheets' first-paint guard can stand down.
      if (!doc.documentElement.hasAttribute(MARKED_ATTRIBUTE)) doc.documentElement.setAttribute(MARKED_ATTRIBUTE, '');
    }
    setShown();
    performance.measure(CLUTTER_MARK, { start: started });
    last = {
      counts,
      groups: plan?.groups ?? { comments: false, promos: false },
      showAll,
      discussion: isDiscussion(),
      sheets: [...sheets],
    };
    return last;
  };

  /** Set while a pass waits for the body (a plan that arrived while the page had only its head). */
  let waitingForBody = false;

  const observe = (): void => {
    const wanted = activeGroups().length > 0;
    if (wanted && !observer && doc.body) {
      // The whole document: a single-page app may replace the body itself.
      observer = createThrottledObserver(doc.documentElement, () => {
        run();
        options.onObservedPass?.();
      });
    } else if (wanted && !doc.body && !waitingForBody) {
      // Asked before the parser reached the body (a reload, a popup opened at once): until a pass
      // has marked the article the stylesheets keep back anything that holds it, so mark it then.
      waitingForBody = true;
      doc.addEventListener(
        'DOMContentLoaded',
        () => {
          waitingForBody = false;
          if (!plan || showAll || observer) return;
          run();
          observe();
          options.onObservedPass?.();
        },
        { once: true },
      );
    } else if (!wanted) {
      observer?.disconnect();
      observer = null;
    }
  };

  return {
    apply(next) {
      plan = { groups: { ...next.groups }, picked: [...next.picked], lists: next.lists === true };
      showAll = false;
      const report = run();
      observe();
      return report;
    },
    showAll() {
      showAll = true;
      observer?.disconnect();
      observer = null;
      return run();
    },
    report: () => last,
    noteSheets(added) {
      for (const sheet of added) sheets.add(sheet);
      if (last) last = { ...last, sheets: [...sheets] };
    },
    listTokens: () => (listsApply() ? listTokens.collect(doc) : null),
    forgetListTokens: (request) => listTokens.forget(request),
    addListSelectors(selectors) {
      for (const selector of selectors) listSelectors.add(selector);
      return selectors.length > 0 || !last ? run() : last;
    },
    stop() {
      observer?.disconnect();
      observer = null;
    },
  };
}

export type { GroupSwitches };
