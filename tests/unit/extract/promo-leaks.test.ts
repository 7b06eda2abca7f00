/**
 * Three promo kinds that extraction used to keep: a share bar reduced to "Copy link", a blog's
 * follow-by-email box, and "WATCH:" teasers before a video. The story's own sentences stay,
 * "watch" and all.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/extract-article';
import { FOLLOW_BOX_IN_POST, PROMO_PAGE_BODY, PROMOS, STORY } from '../support/promo-page';

const URL = 'https://news.example/harbour-plan';

function extract(body: string): string {
  const { window } = new JSDOM(
    `<!doctype html><html lang="en"><head><title>Harbour plan approved</title></head><body>${body}</body></html>`,
    { url: URL },
  );
  const { text } = extractArticle(window.document, { url: URL });
  window.close();
  return text;
}

describe('extractArticle leaves out', { timeout: 30_000 }, () => {
  const text = extract(PROMO_PAGE_BODY);

  it('keeps every sentence of the story, those saying "watch" too', () => {
    for (const sentence of STORY) expect(text).toContain(sentence);
  });

  it('a share bar that is only a "Copy link" label and its buttons', () => {
    for (const label of PROMOS.copyLink) expect(text).not.toContain(label);
  });

  it('a "WATCH:" or "VIDEO:" teaser before a player, in English, German and French', () => {
    for (const title of PROMOS.videoTeasers) expect(text).not.toContain(title);
  });

  it("a blog's follow-by-email box, beside the post and inside it", () => {
    for (const line of PROMOS.followBox) expect(text).not.toContain(line);
    const inPost = extract(
      `<article>${STORY.map((s) => `<p>${s}</p>`).join('')}${FOLLOW_BOX_IN_POST}<p>${STORY[0]} Again.</p></article>`,
    );
    expect(inPost).toContain(STORY[5]);
    expect(inPost).not.toContain('follow this blog');
    expect(inPost).not.toContain('other subscribers');
  });
});
