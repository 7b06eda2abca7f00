// @vitest-environment jsdom
/**
 * A page whose comments are its content though nothing declares it (a link aggregator's story, a
 * forum whose software does not say so) keeps them; an article with a long thread under it does not.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { groupStylesheet } from '../../../src/clutter';
import { createPageClutter, type PageClutter } from '../../../src/content/clutter/page-clutter';

const BOTH = { groups: { comments: true, promos: true }, picked: [] };
const SENTENCE = 'The new release makes the scheduler fair to tasks that wake often, which matters for audio work.';
let running: PageClutter[] = [];

afterEach(() => {
  for (const page of running) page.stop();
  running = [];
});

function thread(count: number): string {
  const replies = Array.from(
    { length: count },
    (_, i) => `<li class="comment"><a href="/u/m${i}">m${i}</a> <p>Reply ${i}: ${SENTENCE} ${SENTENCE}</p></li>`,
  ).join('');
  return `<div class="comments"><ol>${replies}</ol></div>`;
}

function hide(body: string): { doc: Document; discussion: boolean } {
  const doc = new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`, {
    url: 'https://news.example/story',
  }).window.document;
  const style = doc.createElement('style');
  style.textContent = groupStylesheet('comments', '127.0.0.1');
  doc.head.append(style);
  const page = createPageClutter(doc, '127.0.0.1');
  running.push(page);
  return { doc, discussion: page.apply(BOTH).discussion };
}

function shown(doc: Document, selector: string): boolean {
  const view = doc.defaultView as Window;
  for (let el = doc.querySelector(selector); el; el = el.parentElement) {
    if (view.getComputedStyle(el).display === 'none') return false;
  }
  return true;
}

describe('a thread that is the page', () => {
  it('keeps the comments under a short post many times shorter than they are', () => {
    const { doc, discussion } = hide(`<main><h1><a href="https://example.org/release">A new scheduler</a></h1>
      <p>Via the kernel list. ${SENTENCE}</p>${thread(12)}</main>`);
    expect(discussion).toBe(true);
    expect(shown(doc, '.comments li:nth-child(5) p')).toBe(true);
  });

  it('hides the comments under an article, however long the thread', () => {
    const story = `<article><h1>A new scheduler</h1>${`<p>${SENTENCE} ${SENTENCE}</p>`.repeat(8)}</article>`;
    const { doc, discussion } = hide(`<main>${story}${thread(40)}</main>`);
    expect(discussion).toBe(false);
    expect(shown(doc, '.comments li:nth-child(5) p')).toBe(false);
    expect(shown(doc, 'article p')).toBe(true);
  });

  it('hides a short thread under a short post: a comment box and a few replies are no forum', () => {
    const { doc, discussion } = hide(`<main><h1>Note</h1><p>${SENTENCE}</p>${thread(2)}</main>`);
    expect(discussion).toBe(false);
    expect(shown(doc, '.comments li p')).toBe(false);
  });
});

describe('threads found by their structure on the live page', () => {
  function signedThread(name: string, count: number): string {
    const items = Array.from(
      { length: count },
      (
        _,
        i,
      ) => `<div class="${name}-item"><span class="${name}-autor">Leser${i}</span> <span>vor ${i + 2} Stunden</span>
        <div>Das hätte man früher entscheiden müssen, meint Leser ${i}.</div><button type="button">Antworten</button></div>`,
    ).join('');
    return `<div class="${name}">${items}</div>`;
  }

  it('stay hidden on every pass, and one that arrives late is found', () => {
    const story = `<article><h1>A new scheduler</h1>${`<p>${SENTENCE} ${SENTENCE}</p>`.repeat(8)}</article>`;
    const { doc } = hide(`<main>${story}${signedThread('stimmen', 3)}</main>`);
    const page = running[0] as PageClutter;
    expect(shown(doc, '.stimmen-item')).toBe(false);
    // A switch flipped: the same page, another pass.
    page.apply({ groups: { comments: true, promos: false }, picked: [] });
    expect(shown(doc, '.stimmen-item')).toBe(false);
    expect(page.report()?.counts.comments).toBe(1);
    // A second thread loads late.
    doc.querySelector('main')?.insertAdjacentHTML('beforeend', signedThread('spaeter', 4));
    page.apply(BOTH);
    expect(shown(doc, '.spaeter-item')).toBe(false);
    expect(shown(doc, 'article p')).toBe(true);
    expect(page.report()?.counts.comments).toBe(2);
  });
});
