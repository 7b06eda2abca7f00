import { describe, expect, it } from 'vitest';
import type { ExcerptState } from '../../../scripts/bench/lib/comment-probe';
import {
  formatReport,
  formatShare,
  isHiddenBy,
  tally,
  type ExcerptResult,
  type Role,
} from '../../../scripts/bench/lib/comment-report';

function result(
  role: Role,
  before: ExcerptState,
  extension: ExcerptState,
  source: ExcerptResult['source'] = 'wcxb',
): ExcerptResult {
  return {
    page: `${source}/1`,
    source,
    role,
    text: `${role} ${before} ${extension}`,
    before,
    after: { extension, rules: 'visible', catchAll: before },
  };
}

describe('the comment bench figures', () => {
  const results = [
    result('comment', 'visible', 'hidden'),
    result('comment', 'visible', 'missing', 'scrapinghub'),
    result('comment', 'visible', 'visible'),
    result('comment', 'hidden', 'hidden'),
    result('article', 'visible', 'visible'),
    result('post', 'visible', 'hidden'),
  ];

  it('count only excerpts rendered before hiding, and anything no longer rendered as hidden', () => {
    expect(tally(results, 'comment', 'extension')).toEqual({ visible: 3, hidden: 2 });
    expect(tally(results, 'comment', 'extension', 'scrapinghub')).toEqual({ visible: 1, hidden: 1 });
    expect(tally(results, 'comment', 'rules')).toEqual({ visible: 3, hidden: 0 });
    expect(isHiddenBy(results[3] as ExcerptResult, 'extension')).toBe(false);
    expect(formatShare({ visible: 3, hidden: 2 })).toBe('66.7% (2 of 3)');
    expect(formatShare({ visible: 0, hidden: 0 })).toBe('–');
  });

  it('report the bars and list the misses', () => {
    const report = formatReport(results, {
      date: '2026-01-01',
      chromium: '156',
      load: 1,
      seconds: 90,
      commentPages: 1,
      forumPages: 1,
      failures: [],
    });
    expect(report).toContain('| visible comment excerpts hidden | 66.7% (2 of 3) | ≥ 97% | **NOT met** |');
    expect(report).toContain('| article excerpts hidden | 0 of 1 | 0 | met |');
    expect(report).toContain('| forum post excerpts hidden | 1 of 1 | 0 | **NOT met** |');
    expect(report).toContain('- `wcxb/1`: “comment visible visible”');
  });
});
