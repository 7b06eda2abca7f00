import { describe, expect, it } from 'vitest';
import type { TestPageResult } from '../../../scripts/bench/lib/readability-pages';
import { recallByLanguage } from '../../../scripts/bench/report-pages';

describe("Readability's test pages per language", () => {
  const row = (slug: string, recall: number, expected: string | null, ours: string | null) =>
    ({ slug, recall, expectedValues: { lang: expected }, oursValues: { lang: ours } }) as unknown as TestPageResult;

  it('groups recall by the expected language, else ours, most pages first', () => {
    const rows = [
      row('a', 1, 'es-ES', 'es'),
      row('b', 0.5, null, 'es'),
      row('c', 0.9, 'ru', 'ru'),
      row('d', 0.8, null, null),
    ];
    expect(recallByLanguage(rows)).toEqual([
      ['es', 2, 0.75],
      ['(none declared)', 1, 0.8],
      ['ru', 1, 0.9],
    ]);
  });
});
