/**
 * Comment threads recognised by what they are, not by what a site named them: a run of sibling
 * blocks of one kind that are each signed and dated and offer a reply (a permalink or a vote),
 * or blocks the page marks up as schema.org comments. Hand-kept lists of selectors grow site by
 * site and never finish; this finds `ol#commentlist`, `div.leserkommentare` and a CMS's own names
 * alike. The thread is the blocks' container, grown to take its heading ("12 Kommentare"), its
 * form and its "load more" button when they sit beside it and nothing else does.
 *
 * The caller guards the result as it guards every rule's: never the article body or what holds it,
 * never on forum and Q&A pages, whose replies are the content.
 */
import { hasDate } from './dates';
import { outermostInOrder, queryOutside, trimmedText } from './dom';

/** Blocks in a run: this many at least (two replies are a conversation, three a thread). */
const MIN_UNITS = 3;
/** Of the run's blocks, this share must be signed, dated and answerable. */
const MIN_SIGNED_SHARE = 0.6;
/** A date is a short line: a long one is prose that mentions a date. */
const MAX_DATE_CHARS = 80;
/** A reply control's words are short ("Reply", "Antworten"). */
const MAX_CONTROL_CHARS = 40;
/** How far above its reply control a comment's block may start. */
const MAX_CONTROL_DEPTH = 8;
/**
 * Growing the container stops where its parent holds more text than this besides the thread: a
 * heading, a form and a "load more" button are short, a product's description beside its reviews
 * is not (a share would let a long thread take it).
 */
const MAX_OTHER_CHARS = 300;

const UNIT_TAGS = new Set(['li', 'article', 'div', 'section', 'dl', 'tr']);
const PROFILE_LINK =
  /\/(u|user|users|member|members|profile|profiles|people|benutzer|nutzer|utilisateur|usuario|utente|gebruiker|uzytkownik|profil)\b|[?&](u|user|userid|uid)=/i;
const AUTHOR_CLASS = /author|username|user-name|commenter|poster|nickname|\bfn\b|vcard|\bnick\b|autor|auteur/i;
const REPLY_WORDS =
  /^(reply|respond|antworten|beantworten|répondre|repondre|responder|rispondi|rispondere|beantwoorden|reageer|reageren|odpowiedz|odpowiedź|svara|svar|besvar|回复|回覆|返信|답글|답장)\b/i;
/** A reply link, or a permalink to the comment's own anchor (`#comment-12`, `#gistcomment-12`, `#c12`). */
const REPLY_HREF = /replytocom=|[#?&](reply|respond|comment-?reply)|#c(omment)?-?\d+|#[\w-]*comment[-_]?\d+/i;
const CONTROL_CLASS = /reply|respond|antwort|vote|permalink/i;
const COMMENT_TYPE = /\/(Comment|UserComments)$/i;

/** Elements of one kind: tag and classes, numbers left out (`comment-12 even` and `comment-13 odd` alike). */
function kindOf(element: Element): string {
  const classes = (element.getAttribute('class') ?? '')
    .replace(/\d+/g, '')
    .split(/\s+/)
    .filter((c) => c.length > 1 && !/^(even|odd|alt|first|last|depth-?)$/i.test(c))
    .sort();
  return `${element.localName}.${[...new Set(classes)].join('.')}`;
}

function hasAuthor(unit: Element): boolean {
  for (const element of Array.from(unit.querySelectorAll('a[href], [class], cite, [itemprop~="author"]'))) {
    if (element.localName === 'cite' || (element.getAttribute('itemprop') ?? '').includes('author')) return true;
    if (element.localName === 'a' && PROFILE_LINK.test(element.getAttribute('href') ?? '')) return true;
    if (AUTHOR_CLASS.test(element.getAttribute('class') ?? '')) return true;
  }
  return false;
}

function hasTime(unit: Element): boolean {
  if (unit.querySelector('time, [datetime]')) return true;
  const walker = unit.ownerDocument.createTreeWalker(unit, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (text.length >= 4 && text.length <= MAX_DATE_CHARS && /\d/.test(text) && hasDate(text)) return true;
  }
  return false;
}

/** Controls by their tags: a class substring selector would test every element of the page. */
const CONTROLS = 'a, button, [role="button"]';

/** A reply, permalink or vote control, by its address, its class or its words. */
function isReplyControl(control: Element): boolean {
  if (REPLY_HREF.test(control.getAttribute('href') ?? '')) return true;
  if (CONTROL_CLASS.test(control.getAttribute('class') ?? '')) return true;
  const text = control.textContent ?? '';
  return text.length <= MAX_CONTROL_CHARS && REPLY_WORDS.test(text.trim());
}

/** Signed and dated (answerable is known already): the costlier tests, on few blocks. */
function isSignedUnit(unit: Element): boolean {
  return hasAuthor(unit) && hasTime(unit);
}

/**
 * Runs of comment blocks: per parent, the children of one kind, when enough of them are signed,
 * dated and answerable. The page's reply controls are found first, and only the few blocks above
 * them are read: a 40,000-element page has thousands of links and a handful of replies.
 */
function signedRuns(root: Element, fences: readonly Element[]): Element[][] {
  const answerable = new Set<Element>();
  const parents = new Set<Element>();
  for (const control of queryOutside(root, fences, CONTROLS)) {
    if (!isReplyControl(control)) continue;
    let depth = 0;
    for (let el = control.parentElement; el && el !== root && depth < MAX_CONTROL_DEPTH; el = el.parentElement) {
      answerable.add(el);
      if (el.parentElement && UNIT_TAGS.has(el.localName)) parents.add(el.parentElement);
      depth += 1;
    }
  }
  const runs: Element[][] = [];
  for (const parent of parents) {
    if (parent.children.length < MIN_UNITS) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (!UNIT_TAGS.has(child.localName)) continue;
      const kind = kindOf(child);
      const group = groups.get(kind);
      if (group) group.push(child);
      else groups.set(kind, [child]);
    }
    for (const units of groups.values()) {
      if (units.length < MIN_UNITS) continue;
      const candidates = units.filter((unit) => answerable.has(unit));
      if (candidates.length < MIN_UNITS || candidates.length < units.length * MIN_SIGNED_SHARE) continue;
      const signed = candidates.filter(isSignedUnit).length;
      if (signed >= MIN_UNITS && signed >= units.length * MIN_SIGNED_SHARE) runs.push(units);
    }
  }
  return runs;
}

/** The outermost elements the page marks up as comments outside `fences`, grouped by their parent. */
function markedComments(root: Element, fences: readonly Element[]): Element[][] {
  const byParent = new Map<Element, Element[]>();
  for (const item of queryOutside(root, fences, '[itemtype], [itemprop~="comment"]')) {
    const marked =
      COMMENT_TYPE.test((item.getAttribute('itemtype') ?? '').trim()) ||
      (item.getAttribute('itemprop') ?? '').split(/\s+/).includes('comment');
    if (!marked || !item.parentElement) continue;
    if (item.parentElement.closest('[itemprop~="comment"], [itemtype$="/Comment" i]')) continue;
    const siblings = byParent.get(item.parentElement);
    if (siblings) siblings.push(item);
    else byParent.set(item.parentElement, [item]);
  }
  return [...byParent.values()];
}

/**
 * The thread around a run: the run's parent (the whole list), then each ancestor while it holds
 * little besides the thread (a heading, a form, a "load more" button) and is not the body.
 */
function threadOf(units: readonly Element[], root: Element, isKept: (element: Element) => boolean): Element {
  let thread = (units[0] as Element).parentElement as Element;
  const threadText = (el: Element) => trimmedText(el).length;
  for (let parent = thread.parentElement; parent && parent !== root && parent.localName !== 'body';) {
    if (isKept(parent)) break;
    const inside = threadText(thread);
    const total = threadText(parent);
    if (total - inside > MAX_OTHER_CHARS) break;
    thread = parent;
    parent = parent.parentElement;
  }
  return thread;
}

/** How far above the article's anchor the block of a comment that holds it may start. */
const MAX_UNIT_DEPTH = 6;

/**
 * A reply to a comment, or a permalink to it, that acts on this page: a fragment (`#comment_form`,
 * `#comment-12`), WordPress's `?replytocom=12`, this page's own address, or a button. A post in a
 * blog's index also offers "Leave a reply", but on the post's own page.
 */
function isInPageReply(control: Element, page: string): boolean {
  const href = control.getAttribute('href');
  const text = control.textContent ?? '';
  const isReply =
    (href !== null && REPLY_HREF.test(href)) || (text.length <= MAX_CONTROL_CHARS && REPLY_WORDS.test(text.trim()));
  if (!isReply) return false;
  if (href === null || href.startsWith('#') || /[?&]replytocom=/i.test(href)) return true;
  try {
    const url = new URL(href, control.ownerDocument.baseURI);
    return `${url.origin}${url.pathname}` === page;
  } catch {
    return false;
  }
}

/** The page's address without its query and fragment; empty for a document without one. */
function addressOf(doc: Document): string {
  try {
    const url = new URL(doc.URL);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '';
  }
}

function hasInPageReply(unit: Element, page: string): boolean {
  return Array.from(unit.querySelectorAll(CONTROLS)).some((control) => isInPageReply(control, page));
}

/** The thread of `unit`'s run, when `unit` is one of a run of comments that reply on this page. */
function threadOfUnit(unit: Element, root: Element): Element | null {
  const parent = unit.parentElement;
  if (!parent || !UNIT_TAGS.has(unit.localName) || parent.children.length < MIN_UNITS) return null;
  // Siblings of one kind first (a page's wrappers have none), then the block that holds the
  // element, and the costlier look at its siblings only when it passes.
  const kind = kindOf(unit);
  const units = Array.from(parent.children).filter(
    (child) => child.localName === unit.localName && kindOf(child) === kind,
  );
  if (units.length < MIN_UNITS) return null;
  const page = addressOf(unit.ownerDocument);
  if (!hasInPageReply(unit, page) || !isSignedUnit(unit)) return null;
  const allowedMisses = Math.floor(units.length * (1 - MIN_SIGNED_SHARE));
  let misses = 0;
  for (const other of units) {
    if (other !== unit && !(hasInPageReply(other, page) && isSignedUnit(other))) misses += 1;
    if (misses > allowedMisses) return null;
  }
  return threadOf(units, root, () => false);
}

/**
 * The comment thread around `element` when `element` lies inside one comment: one of a run of
 * sibling blocks of one kind, each signed, dated and offering a reply on this page. The article
 * body is found by its prose, and on a page whose own content is a list, a table or a gallery, one
 * long comment written with `<br>` can hold more prose than anything else: the caller then looks
 * for the body outside the thread. Null when `element` is in no such run.
 */
export function commentThreadAround(element: Element, root: Element): Element | null {
  let unit: Element | null = element;
  for (let depth = 0; unit && unit !== root && depth <= MAX_UNIT_DEPTH; depth += 1) {
    const thread = threadOfUnit(unit, root);
    if (thread) return thread;
    unit = unit.parentElement;
  }
  return null;
}

/**
 * The page's comment threads found by their structure, outermost first, in document order.
 * `isKept(element)` says which elements may not be taken (the article body and what holds it);
 * what is inside `found` (threads the rules already matched) is not looked at again.
 */
export function findCommentThreads(
  root: Element,
  isKept: (element: Element) => boolean,
  found: ReadonlySet<Element> = new Set(),
): Element[] {
  const threads: Element[] = [];
  // Threads found already are fenced off: the DOM is never asked about what is inside them.
  const fences = outermostInOrder(found);
  for (const units of [...markedComments(root, fences), ...signedRuns(root, fences)]) {
    const thread = threadOf(units, root, isKept);
    if (isKept(thread)) continue;
    threads.push(thread);
  }
  return threads.filter((t) => !threads.some((other) => other !== t && other.contains(t)));
}
