// @vitest-environment jsdom
/**
 * A page whose own content is a list, a table or a gallery holds little prose, and one long reader's
 * comment written with `<br>` can outweigh all of it: the article guard must not take that comment
 * for the article body and keep its whole thread. The thread is found around the comment by its
 * structure (signed, dated blocks that reply on this page), the body looked for outside it; a
 * blog's index, whose posts reply on their own pages, and a page with no prose besides the
 * comments keep everything.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { commentThreadAround, groupStylesheet } from '../../../src/clutter';
import { createPageClutter, type PageClutter } from '../../../src/content/clutter/page-clutter';

const URL_OF_PAGE = 'https://books.example/lists/12-best-novels';
const HOST = 'books.example';
const BOTH = { groups: { comments: true, promos: true }, picked: [] };
const OPINION =
  'I have read most of these and the order makes little sense to me, as a list voted on by everyone will always favour what was assigned at school';
let running: PageClutter[] = [];

afterEach(() => {
  for (const page of running) page.stop();
  running = [];
});

/** The list itself: a table of titles, no paragraphs; a short introduction and how to vote. */
const LIST = `<div class="listIntro"><p>The best novels of all time, as voted on by the readers of this site over many years.</p>
  <p>To vote on a book, pick it from the table below or search for one that is not on the list yet.</p>
  <p>Each reader may vote for as many books as they like, and may change the order of their votes at any time from their own page.</p>
  <p>Books that appear twice in different editions are merged by the librarians, who also remove books that do not belong on the list.</p>
  <p>The list is open to everyone: a book needs at least three votes before it is shown, and the scores are counted again every night.</p></div>
  <table class="tableList">${Array.from(
    { length: 30 },
    (_, i) =>
      `<tr><td>${i + 1}</td><td><a href="/book/${i}">Novel number ${i}</a> by Writer ${i}</td><td>4.${i % 10} avg rating</td></tr>`,
  ).join('')}</table>`;

/** Readers' messages with names no rule knows: a header with the author and the date, the text with `<br>`. */
function discussion(count: number, long: number): string {
  const messages = Array.from(
    { length: count },
    (_, i) => `<div class="msg box" id="msg_${100 + i}">
      <div class="msgHead"><strong>message ${i + 1}:</strong> by <span class="msgAuthor"><a href="/user/show/${i}-reader">Reader ${i}</a></span>
        <span class="right"><a rel="nofollow" href="#msg_${100 + i}">Dec 0${(i % 9) + 1}, 2008 10:13PM</a></span></div>
      <div class="msgText">${i === long ? `${OPINION}.<br><br>`.repeat(6) : 'I agree with the reader above.<br>'}</div>
      <div class="msgActions"><a class="smallText" href="#reply_form">reply</a> | <a href="/flag?m=${i}">flag</a></div>
    </div>`,
  ).join('');
  return `<div class="bigBox"><h2>Comments <span>Showing 1-${count}</span></h2><div id="msgList">${messages}</div>
    <form id="reply_form" action="/comment"><textarea name="body"></textarea><button>Post</button></form></div>`;
}

function load(body: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`, { url: URL_OF_PAGE }).window
    .document;
}

function hide(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = `${groupStylesheet('comments', HOST)}\n${groupStylesheet('promos', HOST)}`;
  doc.head.append(style);
  const page = createPageClutter(doc, HOST);
  running.push(page);
  page.apply(BOTH);
}

function shown(doc: Document, element: Element | null): boolean {
  expect(element).not.toBeNull();
  const view = doc.defaultView as Window;
  for (let el = element; el; el = el.parentElement) if (view.getComputedStyle(el).display === 'none') return false;
  return true;
}

describe('commentThreadAround', () => {
  it('finds the thread around a comment whose replies and permalinks act on this page', () => {
    const doc = load(`<main>${LIST}${discussion(8, 3)}</main>`);
    const inside = doc.querySelector('#msg_103 .msgText') as Element;
    expect(commentThreadAround(inside, doc.body)?.className).toBe('bigBox');
  });

  it('finds nothing around the article, nor around a blog index whose posts reply on their own pages', () => {
    const posts = Array.from(
      { length: 5 },
      (_, i) => `<article class="post"><h2><a href="/2024/05/post-${i}/">Post ${i}</a></h2>
        <span class="author vcard"><a href="/author/ann/">Ann</a></span> <time datetime="2024-05-0${i + 1}">May ${i + 1}, 2024</time>
        <div class="entry"><p>${OPINION}.</p></div><a href="https://blog.example/2024/05/post-${i}/#respond">Leave a reply</a></article>`,
    ).join('');
    const doc = load(`<main class="index">${posts}</main>`);
    expect(commentThreadAround(doc.querySelector('.post .entry') as Element, doc.body)).toBeNull();
    const list = load(`<main>${LIST}${discussion(8, 3)}</main>`);
    expect(commentThreadAround(list.querySelector('.listIntro') as Element, list.body)).toBeNull();
  });
});

describe('a list page with a discussion under it', () => {
  it('hides the discussion although one comment outweighs the list, and keeps the list', () => {
    const doc = load(`<main>${LIST}${discussion(8, 3)}</main>`);
    hide(doc);
    expect(shown(doc, doc.querySelector('#msg_103 .msgText'))).toBe(false);
    expect(shown(doc, doc.querySelector('#msg_100 .msgText'))).toBe(false);
    expect(shown(doc, doc.querySelector('.listIntro p'))).toBe(true);
    expect(shown(doc, doc.querySelector('.tableList tr:nth-child(20) a'))).toBe(true);
  });

  it('keeps the comments when nothing else on the page has prose: they are what it holds', () => {
    const doc = load(`<main><h1>Photo of the day</h1><img src="/p.jpg" alt="">${discussion(8, 3)}</main>`);
    hide(doc);
    expect(shown(doc, doc.querySelector('#msg_103 .msgText'))).toBe(true);
  });
});
