// @vitest-environment jsdom
/**
 * The page side of live hiding on the fixture pages, with the very stylesheets the browser is
 * given: the article is never hidden, clutter is, forums keep their threads, and the switches
 * and "show everything" work through one attribute on the root.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLUTTER_ATTRIBUTE,
  groupStylesheet,
  KEEP_ATTRIBUTE,
  MARKED_ATTRIBUTE,
  SHOW_ATTRIBUTE,
} from '../../../src/clutter';
import { createPageClutter, type PageClutter } from '../../../src/content/clutter/page-clutter';
import { listFixtureSlugs, loadFixture, parseFixture } from '../support/fixtures';

const BOTH = { groups: { comments: true, promos: true }, picked: [] };
let running: PageClutter[] = [];

afterEach(() => {
  for (const page of running) page.stop();
  running = [];
});

function setUp(slug: string): { doc: Document; page: PageClutter } {
  const doc = parseFixture(loadFixture(slug));
  // Only our rules decide what is hidden here (and jsdom cannot compute some hostile page styles).
  for (const own of Array.from(doc.querySelectorAll('style, link[rel="stylesheet"], [style]'))) {
    if (own.tagName === 'STYLE' || own.tagName === 'LINK') own.remove();
    else own.removeAttribute('style');
  }
  const style = doc.createElement('style');
  style.textContent = `${groupStylesheet('comments', '127.0.0.1')}\n${groupStylesheet('promos', '127.0.0.1')}`;
  doc.head.append(style);
  const page = createPageClutter(doc, '127.0.0.1');
  running.push(page);
  return { doc, page };
}

/** Whether the element and every ancestor are displayed (jsdom has no layout, but it cascades). */
function isRendered(el: Element | null, memo = new Map<Element, boolean>()): boolean {
  if (!el) return true;
  const known = memo.get(el);
  if (known !== undefined) return known;
  const view = el.ownerDocument.defaultView!;
  // jsdom computes styles of HTML elements only (not SVG or MathML): those follow their parent.
  const isHidden = el instanceof view.HTMLElement && view.getComputedStyle(el).display === 'none';
  const result = !isHidden && isRendered(el.parentElement, memo);
  memo.set(el, result);
  return result;
}

function renderedText(doc: Document): string {
  const memo = new Map<Element, boolean>();
  const walker = doc.createTreeWalker(doc.body, 4);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && isRendered(parent, memo)) {
      text += node.nodeValue ?? '';
    }
  }
  return squeeze(text);
}

/** Text without whitespace: layout decides spacing, the test checks which words are shown. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('live hiding on the demo page', () => {
  it('hides the thread and the promos, keeps the article body and everything around it', () => {
    const { doc, page } = setUp('magazine-seed');
    const report = page.apply(BOTH);
    expect(report.counts.comments).toBe(1);
    expect(report.counts.promos).toBeGreaterThanOrEqual(4);
    expect(report.discussion).toBe(false);
    for (const selector of ['#comments', '.newsletter-signup', '.video-promo', '.related-posts', '.comments-link']) {
      expect(isRendered(doc.querySelector(selector)), selector).toBe(false);
    }
    const body = doc.querySelector('.entry-content')!;
    for (let el: Element | null = body; el; el = el.parentElement) expect(el.hasAttribute(KEEP_ATTRIBUTE)).toBe(true);
    expect(doc.documentElement.getAttribute(SHOW_ATTRIBUTE)).toBe('picked');
  });

  it('turns one group off with the root attribute, and shows everything on request', () => {
    const { doc, page } = setUp('magazine-seed');
    page.apply({ groups: { comments: false, promos: true }, picked: [] });
    expect(doc.documentElement.getAttribute(SHOW_ATTRIBUTE)).toBe('comments picked');
    expect(isRendered(doc.querySelector('#comments'))).toBe(true);
    expect(isRendered(doc.querySelector('.newsletter-signup'))).toBe(false);
    const shown = page.showAll();
    expect(shown.showAll).toBe(true);
    expect(shown.counts).toEqual({ comments: 0, promos: 0, picked: 0 });
    expect(isRendered(doc.querySelector('.newsletter-signup'))).toBe(true);
  });

  it('marks blocks only their text reveals, and counts the elements the user picked', () => {
    const { doc, page } = setUp('ad-split-body');
    const report = page.apply({ groups: { comments: false, promos: true }, picked: ['footer'] });
    const marked = doc.querySelectorAll(`[${CLUTTER_ATTRIBUTE}]`);
    for (const el of Array.from(marked)) expect(el.getAttribute(CLUTTER_ATTRIBUTE)).toBe('promos');
    expect(report.counts.picked).toBe(doc.querySelectorAll('footer').length);
  });

  it('re-runs for widgets that arrive late', async () => {
    const { doc, page } = setUp('magazine-seed');
    page.apply(BOTH);
    const late = doc.createElement('div');
    late.innerHTML = '<h3>Watch more on ExampleTV</h3><p><a href="/tv/1">Episode one</a></p>';
    doc.querySelector('main')!.append(late);
    await new Promise((r) => setTimeout(r, 700));
    expect(late.getAttribute(CLUTTER_ATTRIBUTE)).toBe('promos');
    expect(page.report()?.counts.promos).toBeGreaterThan(0);
  });

  it('marks the article once the body is there when asked while the page had only its head', () => {
    const { doc, page } = setUp('magazine-seed');
    const body = doc.body;
    body.remove();
    expect(page.apply(BOTH).counts).toEqual({ comments: 0, promos: 0, picked: 0 });
    expect(doc.documentElement.hasAttribute(MARKED_ATTRIBUTE)).toBe(false);
    doc.documentElement.append(body);
    doc.dispatchEvent(new doc.defaultView!.Event('DOMContentLoaded'));
    expect(doc.documentElement.hasAttribute(MARKED_ATTRIBUTE)).toBe(true);
    expect(doc.querySelector('main')?.hasAttribute(KEEP_ATTRIBUTE)).toBe(true);
    expect(page.report()?.counts.comments).toBe(1);
  });
});

describe('live hiding in a page wrapper whose class looks like code', () => {
  it('hides the thread beside the article and counts it', () => {
    const { doc, page } = setUp('magazine-seed');
    const prose = 'A paragraph of the article, long enough to count as prose for the body anchor. '.repeat(3);
    const replies = `<li class="comment"><p>${prose}</p></li>`.repeat(8);
    doc.body.innerHTML = `<div class="site language-en"><article class="story">${`<p>${prose}</p>`.repeat(4)}</article>
      <section id="comments" class="comments"><ol>${replies}</ol></section></div>`;
    const report = page.apply(BOTH);
    expect(report.counts.comments).toBe(1);
    expect(isRendered(doc.querySelector('.story p'))).toBe(true);
    expect(isRendered(doc.querySelector('#comments'))).toBe(false);
  });
});

describe('live hiding never hides', () => {
  it('the replies of a forum or Q&A page', () => {
    const { doc, page } = setUp('forum-thread');
    const report = page.apply(BOTH);
    expect(report.discussion).toBe(true);
    expect(report.counts.comments).toBe(0);
    expect(isRendered(doc.querySelector('.comment-list'))).toBe(true);
    expect(isRendered(doc.querySelector('.newsletter-signup'))).toBe(false);
  });

  it('the comments of a site whose rules keep them, and says why', () => {
    const doc = parseFixture(loadFixture('magazine-seed'));
    const page = createPageClutter(doc, 'developers.slashdot.org');
    running.push(page);
    const report = page.apply(BOTH);
    expect(report.discussion).toBe(true);
    expect(report.counts.comments).toBe(0);
    expect(report.counts.promos).toBeGreaterThan(0);
  });

  it('an article body inside an element a rule matches, nor any element around it', () => {
    const { doc, page } = setUp('magazine-seed');
    const prose = 'A paragraph of the article, long enough to count as prose for the body anchor. '.repeat(3);
    doc.body.innerHTML = `<div class="promo"><div class="story">${`<p>${prose}</p>`.repeat(4)}</div></div>
      <aside class="newsletter-signup"><p>Sign up</p></aside>`;
    page.apply(BOTH);
    expect(doc.querySelector('.promo')!.hasAttribute(KEEP_ATTRIBUTE)).toBe(true);
    expect(isRendered(doc.querySelector('.story p'))).toBe(true);
    expect(isRendered(doc.querySelector('.newsletter-signup'))).toBe(false);
  });

  it('code comments', () => {
    const { doc, page } = setUp('code-comments');
    page.apply(BOTH);
    for (const el of Array.from(doc.querySelectorAll('pre, code, .hljs-comment, .comment'))) {
      if (el.closest('#comments')) continue;
      expect(isRendered(el), el.outerHTML.slice(0, 60)).toBe(true);
    }
  });

  it.each(listFixtureSlugs())('the article text of %s', { timeout: 60_000 }, (slug) => {
    const { doc, page } = setUp(slug);
    page.apply(BOTH);
    const text = renderedText(doc);
    const paragraphs = loadFixture(slug)
      .expectedText.split(/\n\s*\n/)
      .filter((p) => p.trim() !== '');
    for (const paragraph of paragraphs) expect(text.includes(squeeze(paragraph)), paragraph.slice(0, 80)).toBe(true);
  });
});

describe('before the page script has marked the page (a stylesheet registered at document_start)', () => {
  const ARTICLE = Array.from(
    { length: 5 },
    (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to read.</p>`,
  ).join('');

  function arriving(body: string): Document {
    const css = groupStylesheet('comments', 'news.example');
    return new JSDOM(`<!doctype html><style>${css}</style><body>${body}`, { url: 'https://news.example/story' }).window
      .document;
  }

  it('hides a comment section from the first paint, but nothing that holds the article', () => {
    const doc = arriving(
      `<div id="comments"><main><h1>Title</h1>${ARTICLE}</main></div>` +
        `<div class="comments-area"><ol><li>A reader's comment</li></ol></div>`,
    );
    expect(isRendered(doc.querySelector('main p'))).toBe(true);
    expect(isRendered(doc.querySelector('.comments-area li'))).toBe(false);
  });

  it('leaves it to the marks once they are in place', () => {
    const doc = arriving(`<div id="comments"><h1>Comments</h1>${ARTICLE}</div><main><h1>Title</h1>${ARTICLE}</main>`);
    expect(isRendered(doc.querySelector('#comments p'))).toBe(true);
    const page = createPageClutter(doc, 'news.example');
    running.push(page);
    page.apply(BOTH);
    expect(doc.documentElement.hasAttribute(MARKED_ATTRIBUTE)).toBe(true);
    expect(isRendered(doc.querySelector('#comments p'))).toBe(false);
    expect(isRendered(doc.querySelector('main p'))).toBe(true);
  });
});

describe('on a forum page', () => {
  it('keeps a short reply that a "Share" menu atop its column would take along', () => {
    const posts = Array.from(
      { length: 4 },
      (_, i) => `<article class="post"><aside class="who"><a href="/profile/${i}">member${i}</a></aside>
        <div class="column"><ul class="menu"><li><a href="/t/1/?comment=${i}">Share</a></li><li><a href="/report/${i}">Report post</a></li></ul>
          <div class="meta"><a href="#p${i}">#${i + 1}</a> Posted <time datetime="2025-08-2${i}">August 2${i}</time></div>
          <div class="body"><p>Reply ${i}: the focusing method is the main difference, which the first post leaves out.</p></div>
          <button type="button">Quote</button></div></article>`,
    ).join('');
    const ld =
      '<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which camera?"}</script>';
    const doc = new JSDOM(`<!doctype html><head>${ld}</head><body><main><h1>Which camera?</h1>${posts}</main>`, {
      url: 'https://forum.example/which-camera',
    }).window.document;
    const style = doc.createElement('style');
    style.textContent = `${groupStylesheet('comments', 'forum.example')}\n${groupStylesheet('promos', 'forum.example')}`;
    doc.head.append(style);
    const page = createPageClutter(doc, 'forum.example');
    running.push(page);
    page.apply(BOTH);
    for (const body of Array.from(doc.querySelectorAll('.body p')))
      expect(isRendered(body), body.textContent ?? '').toBe(true);
  });
});
