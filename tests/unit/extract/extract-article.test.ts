import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../src/extract/extract-article';
import { REASONS } from '../../../src/extract/article-check';
import { generateLargePage } from '../../fixtures/generated/large-page';
import { listFixtureSlugs, loadFixture, parseFixture } from '../support/fixtures';

/** `count` paragraphs of plain story prose. */
function storyParagraphs(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `<p>Paragraph ${i} of the story, long enough to count as the prose of an article body.</p>`,
  ).join('');
}

const METADATA = ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'isArticle', 'pageType'] as const;

// The first page also pays for loading jsdom, Readability and DOMPurify: allow a loaded machine time.
describe('extractArticle on the fixture pages', { timeout: 30_000 }, () => {
  for (const slug of listFixtureSlugs()) {
    it(`extracts ${slug} as its golden files say (npm run fixture -- ${slug} --update to change them)`, () => {
      const fixture = loadFixture(slug);
      const result = extractArticle(parseFixture(fixture), { url: fixture.url });
      expect(result.text).toBe(fixture.expectedText);
      for (const field of METADATA) expect(result[field], field).toEqual(fixture.expectedMetadata[field]);
      expect(result.reason ?? null, 'reason').toEqual(fixture.expectedMetadata.reason);
    });
  }

  // The whole engine on every fixture page: seconds on a loaded machine, not a timing.
  it('never changes the page it reads', { timeout: 60_000 }, () => {
    for (const slug of listFixtureSlugs()) {
      const fixture = loadFixture(slug);
      const doc = parseFixture(fixture);
      const before = doc.documentElement.outerHTML;
      extractArticle(doc, { url: fixture.url, keepComments: true, force: true });
      expect(doc.documentElement.outerHTML, slug).toBe(before);
    }
  });
});

describe('extractArticle', () => {
  it('counts what it removed, by category', () => {
    const fixture = loadFixture('magazine-seed');
    const { removed } = extractArticle(parseFixture(fixture), { url: fixture.url });
    for (const category of ['comments', 'promos', 'newsletters', 'related', 'share', 'ads', 'other'] as const) {
      expect(removed[category], category).toBeGreaterThan(0);
    }
  });

  it('keeps the comment thread in the HTML when asked, never in the body text', () => {
    const fixture = loadFixture('blog-long-comments');
    const kept = extractArticle(parseFixture(fixture), { url: fixture.url, keepComments: true });
    const dropped = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(kept.html).toContain('eleven years and I still get the flat loaf');
    expect(dropped.html).not.toContain('eleven years and I still get the flat loaf');
    expect(kept.text).toBe(dropped.text);
    expect(dropped.removed.comments).toBeGreaterThan(0);
  });

  it('makes addresses absolute in the article and in the comment threads it keeps', () => {
    const story = storyParagraphs(16);
    const { window } = new JSDOM(
      `<!doctype html><html lang="en"><head><title>A story</title></head><body>
        <article><h1>A story</h1><img src="/img/lead.jpg" alt="Lead">${story}<p><a href="../related">More</a> on this.</p></article>
        <section id="comments" class="comments"><h2>Comments</h2>
          <div class="comment"><a href="/users/ann">Ann</a><p>A first reply to the story, from a reader.</p></div>
        </section></body></html>`,
      { url: 'https://news.example/world/story' },
    );
    const result = extractArticle(window.document, { url: 'https://news.example/world/story', keepComments: true });
    expect(result.html).toContain('src="https://news.example/img/lead.jpg"');
    expect(result.html).toContain('href="https://news.example/related"');
    expect(result.html).toContain('href="https://news.example/users/ann"');
    window.close();
  });

  it('leaves out a comment thread that shares a rule-matched page wrapper with the article', () => {
    const story = (count: number): string =>
      Array.from(
        { length: count },
        (_, i) => `<p>Story paragraph ${i}: the council voted on the new bridge budget after a long public debate.</p>`,
      ).join('');
    const replies = Array.from(
      { length: 40 },
      (_, i) =>
        `<li class="comment"><p>Reader reply ${i}, a long comment about the bridge, the budget and the mayor.</p></li>`,
    ).join('');
    const url = 'https://news.example/city/bridge';
    // Wrappers a rule matches (a language class as code blocks have; a "related" class): the
    // guard keeps each for the article inside, and the thread beside it must still go. With
    // enough prose the copied region is the article; with little, the whole body.
    for (const [paragraphs, region] of [
      [14, 'ARTICLE'],
      [8, 'BODY'],
    ] as const) {
      for (const wrapper of ['site language-en', 'site related-articles']) {
        const html = `<!doctype html><html lang="en"><head><title>Bridge vote</title></head><body>
          <nav><a href="/">Home</a></nav>
          <div class="${wrapper}"><div class="content"><article><h1>Bridge vote</h1>${story(paragraphs)}</article></div>
          <section id="comments" class="comments"><h2>Comments</h2><ol>${replies}</ol></section></div>
          <footer><p>Copyright</p></footer></body></html>`;
        const label = `${wrapper}, region ${region}`;
        const regions: string[] = [];
        const onStep = (step: string, root: Element): void => {
          if (step === 'region') regions.push(root.tagName);
        };
        const dropped = extractArticle(new JSDOM(html, { url }).window.document, { url, onStep });
        expect(regions, label).toEqual([region]);
        expect(dropped.text, label).toContain(`Story paragraph ${paragraphs - 1}`);
        expect(dropped.html, label).not.toContain('Reader reply');
        expect(dropped.removed.comments, label).toBe(1);
        const kept = extractArticle(new JSDOM(html, { url }).window.document, { url, keepComments: true });
        expect(kept.html, label).toContain('Reader reply 39');
        expect(kept.text, label).not.toContain('Reader reply');
        expect(kept.removed.comments, label).toBe(0);
      }
    }
  });

  it('never anchors the body in a comment thread of <br>-separated replies', () => {
    const replies = Array.from(
      { length: 30 },
      (_, i) => `Reader ${i} replied that the council should have asked the residents first.<br>`,
    ).join('');
    const url = 'https://news.example/story';
    const { window } = new JSDOM(
      `<html><head><title>A story</title></head><body><div class="page"><div class="story"><h1>A story</h1>${storyParagraphs(16)}</div><div class="comments"><div>${replies}</div></div></div></body></html>`,
      { url },
    );
    // The replies' loose text outweighs the story; anchored there, the region would be the whole body.
    let region: Element | null = null;
    const result = extractArticle(window.document, {
      url,
      onStep: (step, root) => {
        if (step === 'region') region = root;
      },
    });
    expect(region).toBe(window.document.querySelector('.page'));
    expect(result.text).toContain('Paragraph 15 of the story');
    expect(result.text).not.toContain('Reader 3 replied');
    window.close();
  });

  it('extracts an XHTML page that has no head', () => {
    const story = storyParagraphs(8);
    const { window } = new JSDOM(
      `<html xmlns="http://www.w3.org/1999/xhtml"><body><div><h1>A story</h1>${story}</div></body></html>`,
      { url: 'https://news.example/story', contentType: 'application/xhtml+xml' },
    );
    expect(window.document.head).toBeNull();
    const result = extractArticle(window.document, { url: 'https://news.example/story', force: true });
    expect(result.text).toContain('Paragraph 7 of the story');
    window.close();
  });

  it('reads a front page as a clean list of its teasers: a link, a picture and the standfirst each', () => {
    const fixture = loadFixture('front-page');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(result).toMatchObject({ isArticle: true, pageType: 'list' });
    const doc = new JSDOM(`<body>${result.html}</body>`, { url: fixture.url }).window.document;
    const items = Array.from(doc.querySelectorAll('ul > li'));
    expect(items).toHaveLength(12);
    expect(items[0]?.querySelector('h3 > a')?.getAttribute('href')).toBe('http://127.0.0.1/politics/0/');
    expect(items[0]?.querySelector('h3')?.textContent).toBe('The budget black hole nobody wants to talk about');
    expect(items[0]?.querySelector('img')?.getAttribute('src')).toBe('http://127.0.0.1/assets/thumb-a.svg');
    expect(items[0]?.textContent).toContain('Treasury figures due next week');
  });

  it('says why a sign-in wall has nothing to read, and extracts it anyway when forced', () => {
    const fixture = loadFixture('sign-in-wall');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(result).toMatchObject({ isArticle: false, reason: REASONS.signIn, text: '', html: '' });
    const forced = extractArticle(parseFixture(fixture), { url: fixture.url, force: true });
    expect(forced.isArticle).toBe(true);
    expect(forced.text).toContain('This story is for subscribers.');
  });

  it('returns sanitised HTML with absolute image addresses, figures and captions', () => {
    const fixture = loadFixture('ad-split-body');
    const { html } = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(html).toContain('<img src="http://127.0.0.1/images/resize/depot-1200"');
    expect(html).toMatch(/<source [^>]*srcset="http:\/\/127\.0\.0\.1\/images\/resize\/depot-1200 1200w/);
    // Plain values are kept: the picture's type, its size.
    expect(html).toMatch(/<source type="image\/webp" /);
    expect(html).toContain('width="1200" height="675"');
    expect(html).toContain('<figcaption>The depot when it opened in 1911.</figcaption>');
    expect(html).not.toMatch(/Advertisement|Sign up|Most read|class=|data-src/);
  });

  it('leaves nothing executable in the HTML of a hostile page', () => {
    const fixture = loadFixture('hostile-markup');
    const { html } = extractArticle(parseFixture(fixture), { url: fixture.url });
    expect(html).not.toMatch(/<script|<style|<form|<input|<object|<embed|<svg|<base|<meta|<template|<noscript/i);
    expect(html).not.toMatch(/\son\w+=|javascript:|data:text|srcdoc|style=|xlink:href/i);
    // No frame at all: the one video player the page embeds is a card with a link (src/sanitise/media-card.ts).
    expect(html).not.toMatch(/<iframe|<video|<audio/i);
    expect(html.match(/<a class="media-card"[^>]*>.*?<\/a>/g)).toEqual([
      '<a class="media-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer"><small>YouTube</small></a>',
    ]);
  });

  it('works on a page of more than 40,000 elements', { timeout: 180_000 }, () => {
    const page = generateLargePage();
    const doc = new JSDOM(page.html, { url: 'http://127.0.0.1/large/' }).window.document;
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(40_000);
    const result = extractArticle(doc, { url: 'http://127.0.0.1/large/', budgetMs: 120_000 });
    expect(result.isArticle).toBe(true);
    expect(result.text.split('\n\n')).toEqual(page.paragraphs);
    expect(result.html).not.toContain('Reader 1 ');
  });

  it('refuses a page beyond its element limit with a clear reason', () => {
    const fixture = loadFixture('magazine-seed');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url, maxElements: 100 });
    expect(result).toMatchObject({ isArticle: false, reason: REASONS.tooLarge });
  });

  it('returns what it has when its time budget is spent', () => {
    const fixture = loadFixture('magazine-seed');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url, budgetMs: 0 });
    expect(result.isArticle).toBe(true);
    for (const paragraph of fixture.expectedText.split('\n\n')) expect(result.text).toContain(paragraph);
  });

  it('keeps its time budget by the clock it is given, reading no timer of its own', () => {
    const fixture = loadFixture('magazine-seed');
    let reads = 0;
    // Each reading a minute after the last: the budget is spent after the first step.
    const clock = (): number => reads++ * 60_000;
    const result = extractArticle(parseFixture(fixture), { url: fixture.url, clock });
    expect(reads).toBeGreaterThan(1);
    expect(result.isArticle).toBe(true);
    for (const paragraph of fixture.expectedText.split('\n\n')) expect(result.text).toContain(paragraph);
  });

  it('takes the window for its sanitiser from the document, or as an option', () => {
    const fixture = loadFixture('magazine-seed');
    const dom = new JSDOM(fixture.html, { url: fixture.url });
    const detached = dom.window.document.implementation.createHTMLDocument('copy');
    detached.documentElement.innerHTML = dom.window.document.documentElement.innerHTML;
    expect(detached.defaultView).toBeNull();
    expect(() => extractArticle(detached, { url: fixture.url })).toThrow(/window/);
    const result = extractArticle(detached, { url: fixture.url, window: dom.window as never });
    expect(result.title).toBe(fixture.expectedMetadata.title);
  });

  it('measures reading time in characters per minute for the page language', () => {
    const english = loadFixture('ad-split-body');
    const arabic = loadFixture('rtl-article');
    const en = extractArticle(parseFixture(english), { url: english.url });
    const ar = extractArticle(parseFixture(arabic), { url: arabic.url });
    expect(en.readingMinutes).toBe(Math.max(1, Math.round(en.text.length / 987)));
    expect(ar.readingMinutes).toBe(Math.max(1, Math.round(ar.text.length / 612)));
    expect(en.wordCount).toBeGreaterThan(250);
  });
});
