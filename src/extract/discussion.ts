/**
 * Forum threads and Q&A pages: the content is the posts, in order. Readability keeps one container
 * and drops the replies (their classes say "comment"); here the posts are found as the page marks
 * them up: schema.org microdata first (Discourse, XenForo, Stack Exchange, NodeBB and many others
 * mark each post as a `DiscussionForumPosting`, `Comment`, `Question` or `Answer` with its `text`),
 * then by their shape: a run of blocks of one kind that each show a date, and in each the part that
 * holds the post's own words (not the author's card, the date or the buttons).
 */
import { createInertDocument } from './inert-document';

export interface Post {
  /** The post's text container, in the page. */
  body: Element;
  /** Whether the page marks it up as the opening post of a thread (or a question). */
  opens?: boolean;
  author: string | null;
  /** As the page gives it: an ISO date from markup, or the text shown. */
  date: string | null;
}

export interface PostOptions {
  /** Whether a short text is a date ("May 3, 2024", "3 hours ago", "vor 3 Stunden"). */
  hasDate: (text: string) => boolean;
}

/** schema.org types of a post in a thread. */
const POST_TYPES = /\/(DiscussionForumPosting|Comment|Question|Answer|SocialMediaPosting|UserComments)$/i;
/** Types that open a thread: comments alone under a blog post are the post's comments, not a thread. */
const OPENING_TYPES = /\/(DiscussionForumPosting|Question|SocialMediaPosting)$/i;
const POST_TEXT = new Set(['text', 'articlebody']);
const AUTHOR = new Set(['author', 'creator']);
const NAME = new Set(['name']);
const DATE = new Set(['datepublished', 'datecreated', 'uploaddate']);

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function itemProps(element: Element): string[] {
  return (element.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** The first element under `item` (not inside a nested item) whose itemprop is one of `names`. */
function ownProperty(item: Element, names: ReadonlySet<string>): Element | null {
  for (let child = item.firstElementChild; child; child = child.nextElementSibling) {
    if (itemProps(child).some((p) => names.has(p))) return child;
    if (child.hasAttribute('itemscope')) continue;
    const found = ownProperty(child, names);
    if (found) return found;
  }
  return null;
}

function authorOf(item: Element): string | null {
  const author = ownProperty(item, AUTHOR);
  if (!author) return null;
  const name = author.hasAttribute('itemscope') ? ownProperty(author, NAME) : author;
  return collapse(name?.getAttribute('content') ?? name?.textContent) || null;
}

function dateOf(item: Element): string | null {
  const date = ownProperty(item, DATE);
  if (!date) return null;
  return collapse(date.getAttribute('content') ?? date.getAttribute('datetime') ?? date.textContent) || null;
}

/** Posts marked up with schema.org microdata, in document order; an empty list when there are none. */
export function microdataPosts(root: Element): Post[] {
  const posts: Post[] = [];
  let inert: Document | null = null;
  for (const item of Array.from(root.querySelectorAll('[itemscope][itemtype]'))) {
    if (!POST_TYPES.test((item.getAttribute('itemtype') ?? '').trim()) || isNoteOnPost(item)) continue;
    let body = ownProperty(item, POST_TEXT);
    if (body?.localName === 'meta') {
      // A thread's wrapper item (NodeBB's) gives its title as its text: that is no post.
      body = isTitleOf(item, body) ? null : metaText(body, (inert ??= createInertDocument(root.ownerDocument)));
    }
    if (!body || !collapse(body.textContent)) continue;
    const opens = OPENING_TYPES.test((item.getAttribute('itemtype') ?? '').trim());
    posts.push({ body, author: authorOf(item), date: dateOf(item), opens });
  }
  // A post quoted inside another and marked up as an item stays part of the quoting post.
  return posts.filter((post) => !posts.some((other) => other !== post && other.body.contains(post.body)));
}

const TITLE = new Set(['headline', 'name']);

function isTitleOf(item: Element, meta: Element): boolean {
  const title = ownProperty(item, TITLE);
  const text = collapse(meta.getAttribute('content'));
  return text === collapse(title?.getAttribute('content') ?? title?.textContent);
}

/**
 * A post whose text the page gives in a `<meta itemprop="text" content>` (the opening post of some
 * forums, drawn apart from the marked-up replies): its paragraphs, in an element of their own.
 */
function metaText(meta: Element, doc: Document): Element {
  const holder = doc.createElement('div');
  for (const paragraph of (meta.getAttribute('content') ?? '').split(/\n\s*\n/)) {
    if (!paragraph.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = paragraph.trim();
    holder.append(p);
  }
  return holder;
}

/** A `Comment` on a question or an answer (a Q&A site's notes under each post), not a post itself. */
function isNoteOnPost(item: Element): boolean {
  if (!/\/Comment$/i.test((item.getAttribute('itemtype') ?? '').trim())) return false;
  for (
    let el = item.parentElement?.closest('[itemscope][itemtype]');
    el;
    el = el.parentElement?.closest('[itemscope][itemtype]')
  ) {
    if (/\/(Question|Answer)$/i.test((el.getAttribute('itemtype') ?? '').trim())) return true;
  }
  return false;
}

const UNIT_TAGS = new Set(['article', 'div', 'li', 'section', 'tr', 'table', 'dl', 'tbody']);
const MIN_POSTS = 2;
const MIN_POST_CHARS = 20;
/** Share of a post's text its body holds, on average over the posts. */
const BODY_SHARE = 0.5;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements of one kind: the same tag and classes, numbers left out (`post bg1` and `post bg2` alike). */
export function kindOf(element: Element): string {
  const classes = (element.getAttribute('class') ?? '')
    .replace(/\d+/g, '')
    .split(/\s+/)
    .filter((c) => c.length > 1)
    .sort();
  return `${element.localName}.${[...new Set(classes)].join('.')}`;
}

interface Measures {
  /** Characters of text under each element. */
  text: Map<Element, number>;
  /**
   * Elements that show a date: a `<time>`, a `datetime`, a short text that reads as one, or a
   * tooltip that does ("2y" shown, "August 13, 2023 - 3:05pm" on hover).
   */
  dated: Set<Element>;
}

function hasDateTitle(element: Element, options: PostOptions): boolean {
  const title = element.getAttribute('title');
  if (!title) return false;
  const line = collapse(title);
  return line.length >= 4 && line.length <= 80 && options.hasDate(line);
}

/** One walk over the tree, children before parents, for every element's text length and date. */
function measure(root: Element, options: PostOptions): Measures {
  const text = new Map<Element, number>();
  const dated = new Set<Element>();
  const visit = (element: Element): number => {
    let length = 0;
    let hasDate = element.localName === 'time' || element.hasAttribute('datetime') || hasDateTitle(element, options);
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === ELEMENT_NODE) {
        const child = node as Element;
        if (child.localName === 'script' || child.localName === 'style' || child.localName === 'template') continue;
        length += visit(child);
        if (dated.has(child)) hasDate = true;
      } else if (node.nodeType === TEXT_NODE) {
        const value = collapse(node.nodeValue);
        length += value.length;
        if (!hasDate && value.length >= 4 && value.length <= 80 && options.hasDate(value)) hasDate = true;
      }
    }
    text.set(element, length);
    if (hasDate) dated.add(element);
    return length;
  };
  visit(root);
  return { text, dated };
}

/** Parts of a page beside its content: navigation and sidebars. */
const BESIDE = 'aside, nav, [role="complementary" i], [role="navigation" i], [class*="sidebar" i], [id*="sidebar" i]';
/** An element named so that holds this share of the page's text is a wrapper around the content, not beside it. */
const MAX_BESIDE_SHARE = 0.5;

/**
 * Parts of the page beside the thread, whose dated blocks are never its posts: a sidebar's "latest
 * threads" or "new posts" widget lists dated teasers, and on a thread of one post it outnumbers
 * the posts. Outermost only; a wrapper around the content and its sidebar ("content-sidebar-wrap",
 * "has-sidebar") holds most of the page's text and is not one.
 */
function besideThread(root: Element, text: ReadonlyMap<Element, number>): Element[] {
  const total = text.get(root) ?? 0;
  const parts: Element[] = [];
  for (const element of Array.from(root.querySelectorAll(BESIDE))) {
    if ((text.get(element) ?? 0) > total * MAX_BESIDE_SHARE) continue;
    if (parts.some((part) => part.contains(element))) continue;
    parts.push(element);
  }
  return parts;
}

/**
 * Posts found by their shape: the kind of block, repeated at least twice, of which most blocks
 * show a date and that holds the most text; when a kind nests inside another with about as much
 * text, the inner one (the posts, not a wrapper around them).
 */
export function repeatedPosts(root: Element, options: PostOptions): Post[] {
  const { text, dated } = measure(root, options);
  const beside = besideThread(root, text);
  const groups = new Map<string, Element[]>();
  for (const element of text.keys()) {
    const tag = element.localName;
    if (!(UNIT_TAGS.has(tag) || tag.includes('-')) || element.firstElementChild === null) continue;
    if ((text.get(element) ?? 0) < MIN_POST_CHARS || !dated.has(element)) continue;
    if (beside.some((part) => part.contains(element))) continue;
    const kind = kindOf(element);
    const group = groups.get(kind);
    if (group) group.push(element);
    else groups.set(kind, [element]);
  }
  const candidates: { units: Element[]; text: number }[] = [];
  for (const units of groups.values()) {
    if (units.length < MIN_POSTS) continue;
    // Outermost units: a post's quote of another post belongs to it.
    const set = new Set(units);
    const outer = units.filter((u) => {
      for (let el = u.parentElement; el; el = el.parentElement) if (set.has(el)) return false;
      return true;
    });
    if (outer.length < MIN_POSTS) continue;
    candidates.push({ units: outer, text: outer.reduce((sum, u) => sum + (text.get(u) ?? 0), 0) });
  }
  let best = candidates.reduce<{ units: Element[]; text: number } | null>(
    (top, c) => (!top || c.text > top.text ? c : top),
    null,
  );
  // Two or three wrappers that each hold posts are not the posts: descend to more, smaller units
  // inside them that keep most of the text.
  for (let changed = true; best && changed;) {
    changed = false;
    const outer = best;
    const within = candidates.filter(
      (c) =>
        c.units.length > outer.units.length &&
        c.text >= outer.text * 0.6 &&
        c.units.every((u) => outer.units.some((o) => o !== u && o.contains(u))),
    );
    const next = within.reduce<{ units: Element[]; text: number } | null>(
      (top, c) => (!top || c.text > top.text ? c : top),
      null,
    );
    if (next) {
      best = next;
      changed = true;
    }
  }
  return best ? withPostsOfBodyKind(root, best.units, bodiesOf(best.units, text, options), text, options) : [];
}

/**
 * Posts whose body is marked up like the others' but whose block is not: forum software often
 * draws the opening post apart from the replies (Vanilla's `ItemDiscussion` above its list of
 * `ItemComment`s), with the same body class. Bodies of the posts' own kind elsewhere in the page
 * are posts too, in document order, each with the author and date of the block around it.
 */
function withPostsOfBodyKind(
  root: Element,
  units: Element[],
  posts: Post[],
  text: ReadonlyMap<Element, number>,
  options: PostOptions,
): Post[] {
  // Each body's mark: the body, or the nearest element around it in its block that has a class.
  const marks = posts.map((post, i) => {
    for (let el: Element | null = post.body; el && el !== units[i]; el = el.parentElement) {
      if (!kindOf(el).endsWith('.')) return el;
    }
    return null;
  });
  const first = marks[0];
  if (!first || marks.some((mark) => !mark || kindOf(mark) !== kindOf(first))) return posts;
  const kind = kindOf(first);
  let depth = 0;
  for (let el: Element | null = first; el && el !== units[0]; el = el.parentElement) depth++;
  const extra: Post[] = [];
  for (const candidate of Array.from(root.getElementsByTagName(first.localName))) {
    if (kindOf(candidate) !== kind || (text.get(candidate) ?? 0) < MIN_POST_CHARS) continue;
    if (units.some((unit) => unit.contains(candidate) || candidate.contains(unit))) continue;
    if (extra.some((post) => post.body.contains(candidate))) continue;
    // Its block: as far up as the others' (or short of the one that holds the other posts).
    let unit: Element = candidate;
    for (let i = 0; i < depth; i++) {
      const parent: Element | null = unit.parentElement;
      if (!parent || parent === root || units.some((u) => parent.contains(u))) break;
      unit = parent;
    }
    extra.push({ body: candidate, author: authorIn(unit, candidate), date: dateIn(unit, candidate, options) });
  }
  if (extra.length === 0) return posts;
  return [...posts, ...extra].sort((a, b) => (a.body.compareDocumentPosition(b.body) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** The path of kinds from a unit down to each element under it, in document order. */
function pathsUnder(unit: Element): Map<Element, string> {
  const paths = new Map<Element, string>();
  const walk = (parent: Element, prefix: string): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const path = prefix ? `${prefix}>${kindOf(child)}` : kindOf(child);
      paths.set(child, path);
      walk(child, path);
    }
  };
  walk(unit, '');
  return paths;
}

/**
 * In each post, its body: the deepest path shared by at least half the posts whose elements hold
 * most of the posts' text together. The author's card, the date and the buttons lie beside it.
 */
function bodiesOf(units: Element[], text: ReadonlyMap<Element, number>, options: PostOptions): Post[] {
  const paths = units.map(pathsUnder);
  // Per path: the share of each post's text its element holds, summed, and in how many posts it is.
  const byPath = new Map<string, { share: number; units: number }>();
  // A path found twice in one post leads to its paragraphs, not to the one box that holds them: a
  // thread of one-paragraph replies would otherwise cut every longer post to its first paragraph.
  const repeated = new Set<string>();
  paths.forEach((unitPaths, i) => {
    const unitText = text.get(units[i] as Element) ?? 0;
    if (unitText === 0) return;
    const seen = new Set<string>();
    for (const [element, path] of unitPaths) {
      if (seen.has(path)) {
        repeated.add(path);
        continue;
      }
      seen.add(path);
      const entry = byPath.get(path) ?? { share: 0, units: 0 };
      entry.share += (text.get(element) ?? 0) / unitText;
      entry.units++;
      byPath.set(path, entry);
    }
  });
  // Two posts must agree: one long post's own table is no path to the others' text.
  const minUnits = Math.max(Math.min(units.length, 2), units.length / 2);
  let bodyPath: string | null = null;
  let depth = -1;
  for (const [path, entry] of byPath) {
    if (entry.share < units.length * BODY_SHARE || entry.units < minUnits || repeated.has(path)) continue;
    const d = path.split('>').length;
    if (d > depth) {
      bodyPath = path;
      depth = d;
    }
  }
  return units.map((unit, i) => {
    let body: Element = unit;
    if (bodyPath) {
      for (const [element, path] of paths[i] as Map<Element, string>) {
        if (path === bodyPath) {
          body = element;
          break;
        }
      }
    }
    return { body, author: authorIn(unit, body), date: dateIn(unit, body, options) };
  });
}

const PROFILE_LINK =
  /\/(u|user|users|member|members|profile|profiles|people|author|authors|benutzer|utilisateur|usuario)\b|[?&](u|user|userid|uid|mode=viewprofile)\b/i;
const AUTHOR_CLASS = /author|username|user-name|poster|user_name|nickname|member/i;

/**
 * The post's author, outside the body: a link to a profile, else the shortest element classed as
 * the author (the name, not the card around it with the rank and post count).
 */
function authorIn(unit: Element, body: Element): string | null {
  let byClass: string | null = null;
  for (const element of Array.from(unit.querySelectorAll('a[href], [class]'))) {
    if (body !== unit && body.contains(element)) continue;
    const name = collapse(element.textContent);
    if (name.length === 0 || name.length > 60) continue;
    if (element.localName === 'a' && PROFILE_LINK.test(element.getAttribute('href') ?? '')) return name;
    if (AUTHOR_CLASS.test(element.getAttribute('class') ?? '') && (!byClass || name.length < byClass.length)) {
      byClass = name;
    }
  }
  return byClass;
}

/**
 * The post's date: a `<time>` outside its body, else a short line there that reads as a date, the
 * last before the body (the first line may be the author's joining date on their card).
 */
function dateIn(unit: Element, body: Element, options: PostOptions): string | null {
  const outside = (node: Node): boolean => body === unit || !body.contains(node);
  for (const element of Array.from(unit.querySelectorAll('time, [datetime]'))) {
    if (outside(element)) return element.getAttribute('datetime') ?? (collapse(element.textContent) || null);
  }
  for (const element of Array.from(unit.querySelectorAll('[title]'))) {
    if (outside(element) && hasDateTitle(element, options)) return collapse(element.getAttribute('title'));
  }
  let before: string | null = null;
  let after: string | null = null;
  const walker = unit.ownerDocument.createTreeWalker(unit, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const line = collapse(node.nodeValue);
    if (!outside(node) || line.length < 4 || line.length > 80 || !options.hasDate(line)) continue;
    if (body.compareDocumentPosition(node) & 2 /* PRECEDING */) before = line;
    else after ??= line;
  }
  return before ?? after;
}

/** A forum member's signature under each of their posts: the same lines under every post, not the post. */
const SIGNATURE = '[class*="signature" i], [id*="signature" i], [data-role*="signature" i]';
/**
 * A card the forum draws for a link in a post (Discourse's onebox, XenForo's unfurl, a link
 * preview): the linked page's title and summary, not the member's words.
 */
const LINK_PREVIEW = '[class*="onebox" i], [class*="unfurl" i], [class*="link-preview" i], [class*="linkpreview" i]';
/**
 * Controls in a post ("Click to expand..." under a quote) and what the software itself keeps out
 * of a quote of the post (Invision's "Edited … by" line, `data-excludequote`): not the post's words.
 */
const NOT_POST_TEXT = 'button, [role="button" i], [data-excludequote]';

/** Marks the header of each post in the thread's HTML: the engine leaves it out of the text. */
export const POST_HEADER = 'data-tidy-post-header';

/**
 * The thread as reader HTML, in a new inert document: one `<article>` per post, headed by its
 * author and date, with a copy of its body.
 */
export function buildThread(doc: Document, posts: readonly Post[]): Element {
  const copy = createInertDocument(doc);
  const thread = copy.createElement('div');
  copy.body.append(thread);
  const earlier = new Set<string>();
  for (const post of posts) {
    const article = copy.createElement('article');
    if (post.author || post.date) {
      const header = copy.createElement('header');
      header.setAttribute(POST_HEADER, '');
      if (post.author) {
        const author = copy.createElement('strong');
        author.textContent = post.author;
        header.append(author);
      }
      if (post.date) {
        if (post.author) header.append(' · ');
        const time = copy.createElement('time');
        if (/^\d{4}-\d{2}-\d{2}/.test(post.date)) time.setAttribute('datetime', post.date);
        time.textContent = formatDate(post.date);
        header.append(time);
      }
      article.append(header);
    }
    const body = copy.importNode(post.body, true);
    for (const signature of Array.from(body.querySelectorAll(SIGNATURE))) signature.remove();
    for (const preview of Array.from(body.querySelectorAll(LINK_PREVIEW))) preview.remove();
    for (const control of Array.from(body.querySelectorAll(NOT_POST_TEXT))) control.remove();
    removeRepeatedQuotes(body, earlier);
    for (const word of wordsOf(body.textContent)) earlier.add(word);
    // The body's own element may be an inline one (a `<span>` of text): its children carry over.
    const holder = copy.createElement('div');
    holder.append(...Array.from(body.localName === 'div' ? body.childNodes : [body]));
    article.append(holder);
    thread.append(article);
  }
  return thread;
}

/** A quote of another post, as forum software marks it up. */
const QUOTE = 'blockquote, aside.quote, [class*="quote" i]:not(q, span, a)';
const QUOTE_LABEL =
  'cite, [class*="cit" i], [class*="attribution" i], [class*="title" i], [class*="expand" i], [class*="header" i]';
/** A quote repeats what was said above when nearly all of its words were in earlier posts. */
const REPEATED_SHARE = 0.8;
const MIN_QUOTE_WORDS = 5;

function wordsOf(text: string | null): string[] {
  return (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Quotes of posts already in the thread (a reply quoting the post right above it, collapsed behind
 * "Click to expand" on the page): the reader has just read them. A quote of anything else stays.
 */
function removeRepeatedQuotes(body: Element, earlier: ReadonlySet<string>): void {
  if (earlier.size === 0) return;
  for (const quote of Array.from(body.querySelectorAll(QUOTE))) {
    if (!body.contains(quote)) continue;
    // Its citation line ("On 8/26/2024, ron1cne said:") and "Click to expand" are not the quote.
    const quoted = quote.cloneNode(true) as Element;
    const quotedLength = collapse(quoted.textContent).length;
    for (const label of Array.from(quoted.querySelectorAll(QUOTE_LABEL))) {
      // A label is a line beside the quoted words, not the box that holds them (XenForo's
      // `bbCodeBlock-expandContent`, classed for its "Click to expand").
      if (collapse(label.textContent).length * 2 < quotedLength) label.remove();
    }
    const words = wordsOf(quoted.textContent);
    if (words.length < MIN_QUOTE_WORDS) continue;
    const known = words.filter((word) => earlier.has(word)).length;
    if (known >= words.length * REPEATED_SHARE) quote.remove();
  }
}

/** An ISO timestamp as its date and time of day; a date the page wrote out, as written. */
function formatDate(date: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(date);
  if (!iso) return date;
  return iso[2] ? `${iso[1]} ${iso[2]}` : (iso[1] as string);
}
