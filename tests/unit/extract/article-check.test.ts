// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { notAnArticleAfter, notAnArticleBefore, REASONS } from '../../../src/extract/article-check';
import { findJsonLdArticle } from '../../../src/extract/json-ld';

const PROSE =
  '<p>' + 'The council approved the plan after a long debate about its cost and timing. '.repeat(12) + '</p>';

function doc(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

function reason(url: string, page: Document): string | null {
  return notAnArticleBefore(page, url, findJsonLdArticle(page));
}

describe('notAnArticleBefore', () => {
  it('accepts a readable article, or a short one that declares itself an article', () => {
    expect(reason('https://news.example/a/story', doc('', `<article>${PROSE.repeat(3)}</article>`))).toBeNull();
    expect(
      reason('https://news.example/a/brief', doc('<meta property="og:type" content="article">', '<p>Short item.</p>')),
    ).toBeNull();
  });

  it('recognises search results, front pages and lists of articles', () => {
    expect(reason('https://news.example/search?q=budget', doc('', PROSE))).toBe(REASONS.search);
    expect(reason('https://news.example/?s=budget', doc('', PROSE))).toBe(REASONS.search);
    expect(reason('https://news.example/', doc('', PROSE))).toBe(REASONS.frontPage);
    const teasers = '<article><h2><a href="/x">Teaser</a></h2><p>Standfirst.</p></article>'.repeat(6);
    expect(reason('https://news.example/world/', doc('', teasers))).toBe(REASONS.collection);
    const collection =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage"}</script>';
    expect(reason('https://news.example/topics/x', doc(collection, PROSE))).toBe(REASONS.collection);
  });

  it('reads old pages whose paragraphs are separated by <br>', () => {
    const sentences = 'The mill pond will be drained next month so that the dam can be repaired.<br><br>'.repeat(10);
    expect(
      reason(
        'https://old.example/story.php?id=1',
        doc('', `<table><tr><td><font>${sentences}</font></td></tr></table>`),
      ),
    ).toBeNull();
  });
});

describe('notAnArticleAfter', () => {
  it('rejects too little text and lists of links', () => {
    expect(notAnArticleAfter('Too short.', 0)).toBe(REASONS.noText);
    expect(notAnArticleAfter('x'.repeat(500), 0.8)).toBe(REASONS.links);
    expect(notAnArticleAfter('x'.repeat(500), 0.1)).toBeNull();
  });
});
