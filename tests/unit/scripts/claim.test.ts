import { describe, expect, it } from 'vitest';
import { claimOf, pairedBootstrap, type PageScore } from '../../../scripts/bench/lib/score';

const page = (tp: number, fp: number, fn: number): PageScore => ({
  tp,
  fp,
  fn,
  precision: tp / (tp + fp),
  recall: tp / (tp + fn),
});

describe('claimOf', () => {
  it('claims a difference only when its 95% interval excludes zero', () => {
    expect(claimOf({ low: 0.001, high: 0.02 })).toBe('better');
    expect(claimOf({ low: -0.02, high: -0.001 })).toBe('worse');
    // 97% of resamples ahead, but the interval reaches below zero: no claim.
    expect(claimOf({ low: -0.0003, high: 0.0156 })).toBe('no significant difference');
  });

  it('makes no claim for two extractors that score the same pages alike', () => {
    const pages = Array.from({ length: 40 }, (_, i) => page(10 + (i % 7), i % 3, i % 5));
    expect(claimOf(pairedBootstrap(pages, pages))).toBe('no significant difference');
  });
});
