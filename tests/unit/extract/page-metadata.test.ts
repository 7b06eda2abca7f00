// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article';
import { findMarkupByline, readPageMetadata } from '../../../src/extract/page-metadata';

function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const PROSE = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story goes on about the harbour plan, what it costs and who pays for it, as councillors said on Tuesday.</p>`,
).join('');

describe('findMarkupByline', () => {
  it('takes the first visible byline outside page furniture, as Readability does', () => {
    const doc = page(
      '',
      '<div class="sidebar"><span class="author">Sidebar Author</span></div>' +
        '<span class="byline" style="display: none">Hidden Author</span>' +
        '<p class="byline">By <a rel="author">Jane Doe</a></p>',
    );
    expect(findMarkupByline(doc)).toBe('By Jane Doe');
  });

  it('skips bylines the walk never reaches, and checks a byline before its furniture class', () => {
    const doc = page(
      '',
      '<div hidden><span class="byline">Hidden Ancestor</span></div>' +
        '<div role="navigation"><span rel="author">Menu Author</span></div>' +
        '<div class="comment-list"><p class="author">Commenter</p></div>' +
        '<div class="author sidebar">Jane Doe</div>',
    );
    expect(findMarkupByline(doc)).toBe('Jane Doe');
  });

  it('prefers the itemprop name inside a byline', () => {
    const doc = page('', '<div itemprop="author"><span itemprop="name">Jane Doe</span>, Staff Writer</div>');
    expect(findMarkupByline(doc)).toBe('Jane Doe');
  });

  it('looks for the name line inside an author box rather than taking its bio', () => {
    const doc = page(
      '',
      '<div class="author-bio"><div class="author-title"><h2>By Anna Whitfield</h2></div>' +
        '<div class="author-description"><p>Anna bakes bread at home.</p></div></div>',
    );
    expect(findMarkupByline(doc)).toBe('By Anna Whitfield');
  });
});

describe('readPageMetadata', () => {
  it("reads the title and byline from the whole page, as Readability's own metadata readers do", () => {
    const doc = page(
      '<title>Harbour plan approved - The Paper</title><meta property="og:title" content="Council approves harbour plan"><meta name="author" content="Jane Doe">',
      `<article>${PROSE}</article>`,
    );
    expect(readPageMetadata(doc)).toMatchObject({ title: 'Council approves harbour plan', byline: 'Jane Doe' });
  });

  it('gives the extraction the byline that sits outside the copied region', () => {
    // The byline is far from the body: the region copied for Readability does not hold it.
    const doc = page(
      '<title>Council approves harbour plan</title>',
      '<div class="top"><div class="meta"><span class="byline">Joanna Rothkopf</span></div></div>' +
        '<div class="wrap"><div class="col"><div class="story"><p class="dateline">Sunday, Feb 1, 2015</p>' +
        `<div class="body">${PROSE}</div></div></div></div>`,
    );
    const result = extractArticle(doc, { url: 'https://example.com/a', force: true, window });
    expect(result.byline).toBe('Joanna Rothkopf');
  });
});
