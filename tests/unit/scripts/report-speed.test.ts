import { describe, expect, it } from 'vitest';
import { bySizeFifth } from '../../../scripts/bench/report-speed';
import type { SpeedRow } from '../../../scripts/bench/extract-speed';

function row(name: string, readability: number, ours: number): SpeedRow {
  return {
    name,
    elements: 100,
    ours,
    readability,
    oursRuns: [ours],
    readabilityRuns: [readability],
    injectMs: 1,
    isArticle: true,
  };
}

describe('the speed report by page size', () => {
  it('groups pages by Readability time, smallest first, with each group’s medians', () => {
    // Given out of order: Readability 1..10 ms, ours 2r + 1, except the fastest page for
    // Readability, which is the slowest for us (grouped by Readability's time, not ours).
    const rows = [7, 2, 9, 4, 1, 10, 3, 8, 6, 5].map((r) => row(`p${r}`, r, r === 1 ? 30 : 2 * r + 1));
    const groups = bySizeFifth(rows);
    expect(groups).toHaveLength(5);
    expect(groups.map((g) => g[2])).toEqual(['1.0–2.0 ms', '3.0–4.0 ms', '5.0–6.0 ms', '7.0–8.0 ms', '9.0–10.0 ms']);
    expect(groups.map((g) => g[1])).toEqual([2, 2, 2, 2, 2]);
    expect(groups[0]).toEqual([1, 2, '1.0–2.0 ms', '17.5 ms', '16.0 ms', '16.25']);
    expect(groups[4]).toEqual([5, 2, '9.0–10.0 ms', '20.0 ms', '10.5 ms', ((19 / 9 + 21 / 10) / 2).toFixed(2)]);
  });

  it('leaves out empty groups when there are fewer than five pages', () => {
    expect(bySizeFifth([row('a', 2, 4), row('b', 1, 1)]).map((g) => g[1])).toEqual([1, 1]);
  });
});
