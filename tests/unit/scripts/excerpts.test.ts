import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  countOccurrences,
  findExcerpt,
  joinSegments,
  locateExcerpt,
  normaliseText,
  renderableTextNodes,
} from '../../../scripts/bench/lib/excerpts';

function bodyOf(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
}

describe('finding a labelled excerpt in a page', () => {
  it('collapses every run of whitespace, non-breaking spaces included', () => {
    expect(normaliseText('  Great\u00a0post,\n\t really  ')).toBe('Great post, really');
  });

  it('counts occurrences without overlap', () => {
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
    expect(countOccurrences('a b a', 'a')).toBe(2);
    expect(countOccurrences('abc', '')).toBe(0);
  });

  it('matches across text nodes and line breaks, and names the segments it spans', () => {
    const joined = joinSegments(['Intro. ', 'Great ', 'post', '!\n  Thanks', ' again']);
    expect(joined.text).toBe('Intro. Great post! Thanks again');
    expect(locateExcerpt(joined, 'Great post!  Thanks')).toEqual({ first: 1, last: 3, occurrences: 1 });
    expect(locateExcerpt(joined, 'not there')).toBeNull();
  });

  it('keeps character owners aligned past characters outside the BMP', () => {
    const joined = joinSegments(['🙃 ok ', 'then']);
    expect(locateExcerpt(joined, 'ok then')).toEqual({ first: 0, last: 1, occurrences: 1 });
  });

  it('finds the deepest element holding the whole excerpt, never in scripts or styles', () => {
    const body = bodyOf(
      '<script>var s = "Great post";</script><div id="c"><p id="p">Great <b>post</b>, thanks!</p></div><style>p{}</style>',
    );
    expect(renderableTextNodes(body).map((n) => n.data)).toEqual(['Great ', 'post', ', thanks!']);
    const found = findExcerpt(body, 'Great post, thanks');
    expect(found?.element.id).toBe('p');
    expect(found?.occurrences).toBe(1);
    expect(findExcerpt(body, 'var s')).toBeNull();
  });

  it('reports an excerpt that occurs twice', () => {
    expect(findExcerpt(bodyOf('<p>Nice one.</p><p>Nice one.</p>'), 'Nice one.')?.occurrences).toBe(2);
  });
});
