// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileClutterRules, findBodyAnchor, findClutter } from '../../../src/clutter';
import { findCommentThreads } from '../../../src/clutter/comment-threads';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

const PROSE =
  'The council approved the plan on Tuesday after a long debate about its cost, its timing and what it would mean for the people who live nearby.';
const ARTICLE = `<div class="story"><h1>Council approves the plan</h1>${`<p>${PROSE}</p>`.repeat(8)}</div>`;

/** Names no rule knows: only the structure can give these threads away. */
function wordpressLike(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<li class="entry-${i} even" id="c-${i}">
      <div class="who vcard"><cite class="fn"><a href="https://reader${i}.example" rel="ugc">Reader ${i}</a></cite></div>
      <div class="when"><a href="https://news.example/plan/#c-${i}">May ${i + 3}, 2024 at 8:45 am</a></div>
      <p>I live two streets away and nobody asked us about the traffic, reader ${i} writes.</p>
      <div class="links"><a rel="nofollow" href="/plan/?replytocom=${i}#respond">Reply</a></div></li>`,
  ).join('');
  return `<section class="talk"><h2>${count} Responses to “Council approves the plan”</h2><ol class="talk-list">${items}</ol>
    <form action="/post-reply"><textarea name="t"></textarea><button>Post</button></form></section>`;
}

function germanLike(count: number): string {
  const items = Array.from(
    { length: count },
    (
      _,
      i,
    ) => `<div class="lk-eintrag"><span class="lk-autor">Leser${i}</span> <span class="lk-zeit">vor ${i + 2} Stunden</span>
      <div class="lk-text">Das hätte man früher entscheiden müssen, meint Leser ${i}.</div>
      <button type="button">Antworten</button></div>`,
  ).join('');
  return `<div class="leserstimmen"><h3>Kommentare</h3>${items}<button type="button">Weitere laden</button></div>`;
}

function threadsOf(doc: Document): Element[] {
  const anchor = findBodyAnchor(doc.body);
  return findCommentThreads(doc.body, (el) => anchor !== null && (el === anchor || el.contains(anchor)));
}

describe('findCommentThreads', () => {
  it('finds a thread of signed, dated blocks with reply links, with its heading and form, whatever its names', () => {
    const doc = page(`<main>${ARTICLE}${wordpressLike(4)}</main>`);
    const threads = threadsOf(doc);
    expect(threads.map((t) => t.className)).toEqual(['talk']);
    expect(threads[0]?.querySelector('h2, form')).not.toBeNull();
  });

  it('finds a German thread: relative dates, "Antworten" buttons, the heading and "load more"', () => {
    const doc = page(`<main>${ARTICLE}${germanLike(3)}</main>`);
    expect(threadsOf(doc).map((t) => t.className)).toEqual(['leserstimmen']);
  });

  it('finds comments the page marks up as schema.org Comment', () => {
    const comments = Array.from(
      { length: 2 },
      (_, i) =>
        `<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">R${i}</span><p itemprop="text">Comment ${i}</p></div>`,
    ).join('');
    const doc = page(`<main>${ARTICLE}<div class="reactions">${comments}</div></main>`);
    expect(threadsOf(doc).map((t) => t.className)).toEqual(['reactions']);
  });

  it('leaves teasers of other articles alone: signed and dated, but nothing to reply to', () => {
    const teasers = Array.from(
      { length: 5 },
      (_, i) =>
        `<li class="teaser"><a href="/story-${i}">Story ${i}</a><a href="/author/ann" class="author">Ann</a><time datetime="2024-05-0${i + 1}">May ${i + 1}, 2024</time></li>`,
    ).join('');
    const doc = page(`<main>${ARTICLE}<ul class="more">${teasers}</ul></main>`);
    expect(threadsOf(doc)).toEqual([]);
  });

  it('never takes what holds the article: a live blog of signed, dated, answerable posts', () => {
    const posts = Array.from(
      { length: 4 },
      (
        _,
        i,
      ) => `<article class="update"><span class="author">Desk ${i}</span><time datetime="2024-05-03T0${i}:00">0${i}:00</time>
        ${`<p>${PROSE}</p>`.repeat(i === 2 ? 6 : 2)}<a href="#update-${i}" class="permalink">Reply</a></article>`,
    ).join('');
    const doc = page(`<main><h1>Live: the council votes</h1><div class="updates">${posts}</div></main>`);
    expect(threadsOf(doc)).toEqual([]);
  });

  it('needs three comments: two dated replies are not yet a thread', () => {
    const doc = page(`<main>${ARTICLE}${germanLike(2)}</main>`);
    expect(threadsOf(doc)).toEqual([]);
  });
});

describe('findClutter with threads', () => {
  const compiled = compileClutterRules(undefined, { host: 'news.example' });

  it('adds the threads rules do not name, once, and never the article', () => {
    // An old WordPress theme: the heading, the list and the form are siblings of the post itself.
    const list = wordpressLike(3)
      .replace(/^<section class="talk">.*?<\/h2>/s, '')
      .replace(/<form.*$/s, '');
    const doc = page(
      `<div id="content">${ARTICLE}<h2 id="comments">3 Responses</h2>${list}<div id="respond"></div></div>`,
    );
    const anchor = findBodyAnchor(doc.body);
    const options = { protect: anchor ? [anchor] : [], categories: ['comments'] as const };
    const without = findClutter(doc.body, compiled, options);
    const matches = findClutter(doc.body, compiled, { ...options, threads: true });
    expect(without.some((m) => m.element.localName === 'ol')).toBe(false);
    expect(matches.filter((m) => m.by === 'structure').map((m) => m.element.className)).toEqual(['talk-list']);
    expect(matches.some((m) => m.element.id === 'comments')).toBe(true);
    for (const match of matches) expect(match.element.contains(anchor)).toBe(false);
    expect(new Set(matches.map((m) => m.element)).size).toBe(matches.length);
  });

  it('reads past threads found already, before, between and after the ones it looks at', () => {
    // Three threads the rules found (one of them a control itself) around two they did not: each
    // found one's controls are stepped over as one run, and nothing outside them is missed.
    const found = (i: number) => `<div class="found-${i}">${germanLike(5)}</div>`;
    const doc = page(
      `<main>${ARTICLE}${found(1)}<div class="a">${wordpressLike(3)}</div>${found(2)}` +
        `<button class="found-3">Reply</button><div class="b">${germanLike(4)}</div>${found(4)}</main>`,
    );
    const anchor = findBodyAnchor(doc.body);
    const isKept = (el: Element) => anchor !== null && (el === anchor || el.contains(anchor));
    const rulesFound = new Set(Array.from(doc.querySelectorAll('[class^="found-"]')));
    const names = findCommentThreads(doc.body, isKept, rulesFound).map((t) => t.closest('.a, .b')?.className);
    expect(names).toEqual(['a', 'b']);
    // A found set that nests one thread in another reads the same.
    const nested = new Set([...rulesFound, ...Array.from(doc.querySelectorAll('[class^="found-"] .leserstimmen'))]);
    expect(findCommentThreads(doc.body, isKept, nested).map((t) => t.closest('.a, .b')?.className)).toEqual(['a', 'b']);
  });

  it('takes a thread once when a rule or its heading already found it', () => {
    const doc = page(`<main>${ARTICLE}${germanLike(3)}</main>`);
    const anchor = findBodyAnchor(doc.body);
    const matches = findClutter(doc.body, compiled, {
      protect: anchor ? [anchor] : [],
      categories: ['comments'],
      threads: true,
    });
    const holding = matches.filter((m) => m.element.querySelector('.lk-eintrag'));
    expect(holding).toHaveLength(1);
  });
});

/** A code host's comments: a permalink to the comment's own anchor is the only control, and each header says "commented". */
function timelineLike(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<div class="TimelineItem"><div id="gistcomment-${i}" class="timeline-comment-group">
      <div class="timeline-comment-header"><h3 class="f5"><a class="author" href="/reader${i}">reader${i}</a> commented
        <a class="js-timestamp" href="/x/abc?permalink_comment_id=${i}#gistcomment-${i}"><relative-time datetime="2025-12-1${i}T10:00:00Z">Dec 1${i}, 2025</relative-time></a></h3></div>
      <div class="comment-body"><p>Thanks for the write-up, reader ${i} says, it fixed my build at last.</p></div></div></div>`,
  ).join('');
  return `<div class="discussion"><div class="timeline">${items}</div></div>`;
}

describe('findClutter with the thread finder', () => {
  it('recognises a thread whose only controls are permalinks to the comments’ own anchors', () => {
    const doc = page(`<main>${ARTICLE}${timelineLike(4)}</main>`);
    expect(threadsOf(doc).map((t) => t.className)).toEqual(['discussion']);
  });

  it('still finds the thread when other rules matched inside its comments (a "commented" header)', () => {
    const doc = page(`<main>${ARTICLE}${timelineLike(4)}</main>`);
    const anchor = findBodyAnchor(doc.body);
    const compiled = compileClutterRules(undefined, { host: 'code.example' });
    const matches = findClutter(doc.body, compiled, { protect: anchor ? [anchor] : [], threads: true });
    const thread = matches.find((m) => m.by === 'structure');
    expect(thread?.element.className).toBe('discussion');
    expect(thread?.category).toBe('comments');
  });
});
