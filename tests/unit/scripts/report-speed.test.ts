import { describe, expect, it } from 'vitest';
import { bySizeFifth, largestFifth, ratioOfMedians, stepBreakdown } from '../../../scripts/bench/report-speed';
import type { SpeedRow } from '../../../scripts/bench/extract-speed';

function row(name: string, readability: number, ours: number, steps: Record<string, number> = {}): SpeedRow {
  return {
    name,
    elements: 100,
    ours,
    readability,
    oursRuns: [ours],
    readabilityRuns: [readability],
    injectMs: 1,
    firstClick: { ours: 2, readability: 1 },
    isArticle: true,
    steps,
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

describe('the speed report by step', () => {
  // Three pages; the third has no copy step (it counts as taking no time) and is slow for us, so
  // a ratio of medians would differ from the median of per-page ratios.
  const rows = [
    row('p1', 10, 20, { readability: 6, sanitise: 2, classify: 4, copy: 8 }),
    row('p2', 20, 30, { readability: 10, sanitise: 4, classify: 6, copy: 10 }),
    row('p3', 5, 40, { readability: 3, sanitise: 1, classify: 1 }),
  ];

  it('gives each step, in the order it runs, its median time and the median ratio without it', () => {
    const { steps } = stepBreakdown(rows);
    expect(steps.map((s) => s.step)).toEqual(['readability', 'sanitise', 'classify', 'copy']);
    expect(steps.map((s) => s.median)).toEqual([6, 2, 4, 8]);
    // Without classify: 16/10, 24/20, 39/5; without copy: 12/10, 20/20, 40/5.
    expect(steps[2]?.ratioWithout).toBeCloseTo(1.6, 10);
    expect(steps[3]?.ratioWithout).toBeCloseTo(1.2, 10);
    expect(steps[0]?.label).toMatch(/Readability/);
  });

  it('sets the required steps against what the ratio bar leaves for the rest', () => {
    const { required, rest } = stepBreakdown(rows);
    // Readability + sanitiser: 8, 14, 4 ms; per page ratio 0.8, 0.7, 0.8.
    expect(required.median).toBe(8);
    expect(required.ratio).toBeCloseTo(0.8, 10);
    // The rest takes 12, 16, 36 ms; 1.5 × Readability leaves 7, 16, 3.5 ms for it.
    expect(rest.median).toBe(16);
    expect(rest.allowed).toBeCloseTo(7, 10);
  });
});

describe('the speed bars', () => {
  it('compares medians, not the median of per-page ratios', () => {
    // Per-page ratios 2, 2, 0.5: their median is 2; the medians are 10 (ours) and 10 (Readability).
    const rows = [row('a', 5, 10), row('b', 10, 20), row('c', 40, 10)];
    expect(ratioOfMedians(rows)).toBe(1);
  });

  it('takes the largest fifth by Readability’s time, however ours went', () => {
    const rows = [3, 9, 1, 7, 5, 2, 10, 4, 8, 6].map((r) => row(`p${r}`, r, r === 10 ? 5 : 2 * r));
    expect(largestFifth(rows).map((r) => r.name)).toEqual(['p9', 'p10']);
    expect(ratioOfMedians(largestFifth(rows))).toBeCloseTo(11.5 / 9.5, 10);
  });
});
