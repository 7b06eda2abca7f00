// @vitest-environment jsdom
/**
 * The live page hides the three promo kinds that used to stay: a share bar reduced to "Copy
 * link", a blog's follow-by-email box, and "WATCH:" teasers with their player; the story stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { groupStylesheet } from '../../../src/clutter';
import { createPageClutter, type PageClutter } from '../../../src/content/clutter/page-clutter';
import { PROMO_PAGE_BODY, STORY } from '../support/promo-page';

const BOTH = { groups: { comments: true, promos: true }, picked: [] };
let running: PageClutter[] = [];

afterEach(() => {
  for (const page of running) page.stop();
  running = [];
});

function setUp(): Document {
  document.head.innerHTML = `<style>${groupStylesheet('comments', 'news.example')}\n${groupStylesheet('promos', 'news.example')}</style>`;
  document.body.innerHTML = PROMO_PAGE_BODY;
  const page = createPageClutter(document, 'news.example');
  running.push(page);
  page.apply(BOTH);
  return document;
}

/** Whether the element and every ancestor are displayed (jsdom has no layout, but it cascades). */
function isRendered(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (e instanceof HTMLElement && getComputedStyle(e).display === 'none') return false;
  }
  return true;
}

/** The innermost element whose text starts with `text`. */
function byText(doc: Document, text: string): Element {
  const all = Array.from(doc.body.querySelectorAll('*')).filter((e) => (e.textContent ?? '').trim().startsWith(text));
  const found = all[all.length - 1];
  if (!found) throw new Error(`no element holds "${text}"`);
  return found;
}

describe('live hiding of promos only their text reveals', () => {
  it('keeps every paragraph of the story, those saying "watch" too', () => {
    const doc = setUp();
    for (const sentence of STORY) expect(isRendered(byText(doc, sentence)), sentence).toBe(true);
  });

  it('hides a share bar that is only a "Copy link" label and its buttons', () => {
    const doc = setUp();
    for (const label of ['Copy link to this article', 'Link kopieren', 'Copier le lien']) {
      expect(isRendered(byText(doc, label)), label).toBe(false);
    }
    expect(isRendered(doc.querySelector('.bar'))).toBe(false);
  });

  it('hides "WATCH:" teasers and the player they introduce', () => {
    const doc = setUp();
    for (const teaser of ['WATCH:', 'VIDEO: Residents', 'SEHEN SIE:', 'VIDÉO :']) {
      expect(isRendered(byText(doc, teaser)), teaser).toBe(false);
    }
    for (const player of Array.from(doc.querySelectorAll('iframe, video, [data-video-id]'))) {
      expect(isRendered(player), player.outerHTML).toBe(false);
    }
  });

  it("hides a blog's follow-by-email box", () => {
    const doc = setUp();
    for (const line of ['Follow Blog via Email', 'Enter your email address to follow', 'Blog per E-Mail folgen']) {
      expect(isRendered(byText(doc, line)), line).toBe(false);
    }
  });
});
