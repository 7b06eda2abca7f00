import { describe, expect, it } from 'vitest';
import {
  firstWordsOf,
  hasTopLevelBar,
  PatternIndex,
  topAlternatives,
  WHOLE_TEXT,
} from '../../../src/clutter/word-index';

describe('firstWordsOf', () => {
  it('reads the first word of the texts a pattern matches', () => {
    expect(firstWordsOf('comments')).toEqual(['comments']);
    expect(firstWordsOf('read (more|next)')).toEqual(['read']);
    expect(firstWordsOf('comments? (are|is) closed')).toEqual(['comment', 'comments']);
    expect(firstWordsOf('watch( more| now)?( on .+)?')).toEqual(['watch']);
    expect(firstWordsOf('相关文章')).toEqual(['相关文章']);
    expect(firstWordsOf('\\d+ comments')).toEqual([]);
  });

  it('gives up where the first word depends on the pattern', () => {
    for (const pattern of ['(read|see) more', '.{0,40} newsletter', 'meist ?gelesen', 'watch(es)? more', 'e-?mail']) {
      expect(firstWordsOf(pattern), pattern).toBeNull();
    }
  });
});

describe('hasTopLevelBar and topAlternatives', () => {
  it('tell and split the alternatives outside groups', () => {
    expect(hasTopLevelBar('read (more|next)')).toBe(false);
    expect(hasTopLevelBar('a \\| b')).toBe(false);
    expect(hasTopLevelBar('[|] x')).toBe(false);
    expect(hasTopLevelBar('more|less')).toBe(true);
    expect(topAlternatives('read (more|next)|less|[|]x')).toEqual(['read (more|next)', 'less', '[|]x']);
  });
});

describe('PatternIndex', () => {
  const lists = [
    ['heading', ['comments?', 'read (more|next)', '\\d+ comments', '(see|view) all', '.{0,20} newsletter']],
    ['label', ['more|less', 'advertisement']],
  ] as const;
  const index = new PatternIndex(lists, ' ');
  const all = new RegExp(`^(?:${lists.flatMap(([, l]) => l.map((p) => `(?:${p})`)).join('|')})$`);

  it('matches exactly what one alternation of all its patterns matches', () => {
    const texts = [
      'comments',
      'comment',
      'read more',
      'read next',
      'read',
      '12 comments',
      'see all',
      'view all',
      'the daily newsletter',
    ];
    for (const text of [
      ...texts,
      'less',
      'more',
      'advertisement',
      'the council met',
      'comments are open',
      '12 replies',
    ]) {
      expect(index.test(text), text).toBe(all.test(text));
    }
  });

  it('tells the list a match came from', () => {
    expect(index.test('read more', 'heading')).toBe(true);
    expect(index.test('read more', 'label')).toBe(false);
    expect(index.test('less', 'label')).toBe(true);
    expect(index.exec('12 comments', 'heading', WHOLE_TEXT)?.[0]).toBe('12 comments');
  });

  it('tells the first of several lists whose patterns match, in the order asked', () => {
    expect(index.firstKey('more', ['heading', 'label'])).toBe('label');
    expect(index.firstKey('read more', ['label', 'heading'])).toBe('heading');
    expect(index.firstKey('12 comments', ['label'])).toBeNull();
    expect(index.firstKey('the daily newsletter', ['label', 'heading'])).toBe('heading');
  });
});
