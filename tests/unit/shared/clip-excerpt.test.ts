import { describe, expect, it } from 'vitest';
import { clipExcerpt, LIST_EXCERPT_CHARS } from '../../../src/shared/library/clip-excerpt';

describe('the excerpt a list row is given', () => {
  it('is the whole excerpt when it is short enough, and none when there is none', () => {
    expect(clipExcerpt('Two short sentences. Nothing to cut.')).toBe('Two short sentences. Nothing to cut.');
    expect(clipExcerpt('x'.repeat(LIST_EXCERPT_CHARS))).toBe('x'.repeat(LIST_EXCERPT_CHARS));
    expect(clipExcerpt(null)).toBeNull();
  });

  it('is cut at the end of a word, with an ellipsis, within the limit', () => {
    const long = 'lorem ipsum dolor '.repeat(40);
    const clipped = clipExcerpt(long)!;
    expect(clipped.length).toBeLessThanOrEqual(LIST_EXCERPT_CHARS + 1);
    expect(clipped).toMatch(/(lorem|ipsum|dolor)…$/);
    expect(long.startsWith(clipped.slice(0, -1))).toBe(true);
  });

  it('never splits a character written as two UTF-16 units, in text without spaces', () => {
    const emoji = '😀'.repeat(LIST_EXCERPT_CHARS);
    const clipped = clipExcerpt(emoji, 10)!;
    expect(clipped).toBe(`${'😀'.repeat(5)}…`);
    const cjk = '読'.repeat(30);
    expect(clipExcerpt(cjk, 10)).toBe(`${'読'.repeat(10)}…`);
  });
});
