// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { listsCards, REASONS, refusalOf } from '../../../src/extract/article-check';
import { extractArticle } from '../../../src/extract/extract-article';

function doc(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

const PROSE = 'The council approved the plan after a long debate about its cost and timing. '.repeat(8);

describe('refusalOf', () => {
  it('accepts any page with text to read, whatever its kind', () => {
    expect(refusalOf(doc(`<p>${PROSE}</p>`), PROSE, 0)).toBeNull();
    // A list whose items have teasers between their links is a list to read.
    expect(refusalOf(doc(''), PROSE.repeat(2), 0.6)).toBeNull();
  });

  it('refuses an empty shell, a sign-in wall and a page of bare links', () => {
    expect(refusalOf(doc('<div id="app"></div>'), 'Loading…', 0)).toBe(REASONS.noText);
    expect(refusalOf(doc('<form><input type="password"></form>'), 'Sign in to continue. '.repeat(10), 0)).toBe(
      REASONS.signIn,
    );
    expect(refusalOf(doc(''), 'Home About Contact '.repeat(30), 0.9)).toBe(REASONS.links);
  });

  it('does not take a page that merely has a sign-in box for a wall', () => {
    expect(refusalOf(doc('<form><input type="password"></form>'), PROSE.repeat(2), 0)).toBeNull();
    // A short news item under a site header with a login box.
    const header = '<header><form><input type="password"></form></header>';
    expect(refusalOf(doc(`${header}<p>${PROSE}</p>`), PROSE.slice(0, 250), 0)).toBeNull();
  });

  it("calls an empty app shell empty, not a wall, when its script's login form is hidden", () => {
    for (const hidden of ['style="display: none;"', 'hidden']) {
      const shell = doc(`<section id="main"></section><form id="hidden-login-form" ${hidden}>
        <input name="username" type="text"><input name="password" type="password"></form>`);
      expect(refusalOf(shell, '', 0)).toBe(REASONS.noText);
    }
  });

  it('reads a list of cards as a list, however much of it is links, and still refuses bare links', () => {
    const cards = Array.from(
      { length: 8 },
      (_, i) =>
        `<li><a href="/recipes/${i}"><img src="/r${i}.jpg" alt=""><h3>Tomato sauce number ${i} with basil and garlic</h3></a></li>`,
    ).join('');
    const cardPage = doc(`<main><h1>Tomato sauce recipes</h1><ul class="cards">${cards}</ul></main>`);
    expect(listsCards(cardPage.body)).toBe(true);
    const list = extractArticle(cardPage, { url: 'https://recipes.example/tomato-sauce', window });
    expect(list).toMatchObject({ isArticle: true, pageType: 'list' });
    expect(list.text).toContain('Tomato sauce number 7');

    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/section/${i}">Section ${i} of the site, with its own page</a></li>`,
    ).join('');
    const linkPage = doc(`<main><ul>${links}</ul></main>`);
    expect(listsCards(linkPage.body)).toBe(false);
    expect(extractArticle(linkPage, { url: 'https://site.example/sections', window })).toMatchObject({
      isArticle: false,
      reason: REASONS.links,
    });
  });
});
