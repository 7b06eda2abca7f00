// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { REASONS, refusalOf } from '../../../src/extract/article-check';

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
});
