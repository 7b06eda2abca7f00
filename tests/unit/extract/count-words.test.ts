import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/extract/reading-time';

/** The definition, as regular expressions: the one-pass count must agree with it on any text. */
const IDEOGRAPH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
function byDefinition(text: string): number {
  const ideographs = text.match(IDEOGRAPH)?.length ?? 0;
  return ideographs + (text.replace(IDEOGRAPH, ' ').match(WORD)?.length ?? 0);
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Letters of several scripts, digits, punctuation, every kind of space, ideographs, kana, an
// astral letter (𝒜) and an astral digit (𝟙) as surrogate pairs, a combining mark.
const PIECES = [
  'a',
  'Z',
  '7',
  'é',
  'ß',
  'ж',
  'ع',
  'א',
  'ก',
  '١',
  '²',
  '—',
  '-',
  '.',
  ',',
  '«',
  '»',
  '…',
  '•',
  '|',
  '/',
  "'",
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2009',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u2028',
  '日',
  '本',
  'の',
  'カ',
  'ー',
  '한',
  '𝒜',
  '𝟙',
  '😀',
  '\u0301',
  '€',
  '%',
  '_',
  '\u3400',
  '\uf900',
];

describe('countWords', () => {
  it('counts runs with a letter or digit, and each Han or kana character', () => {
    expect(countWords("It's a well-known fact: 3 cats.")).toBe(6);
    expect(countWords('日本語の文章です')).toBe(8);
    expect(countWords('— | • …')).toBe(0);
    expect(countWords('Straße\u00a0für  Ärzte')).toBe(3);
    expect(countWords('Ценa: ١٢ 𝒜 😀')).toBe(3);
    expect(countWords('東京2024年')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('agrees with the definition on 5,000 random texts of every script and space', () => {
    const next = random(20261208);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 40) },
        () => PIECES[Math.floor(next() * PIECES.length)],
      ).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
