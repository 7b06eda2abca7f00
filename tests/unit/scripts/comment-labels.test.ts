import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  checkLabelShape,
  checkPageExcerpts,
  loadLabels,
  MIN_COMMENT_PAGES,
  MIN_FORUM_PAGES,
} from '../../../scripts/bench/lib/comment-labels';

const labels = loadLabels();

describe('the comment bench labels', () => {
  it('label each page once, with 1–3 short excerpts of each kind, and meet the minimums', () => {
    expect(checkLabelShape(labels)).toEqual([]);
    expect(labels.comments.length).toBeGreaterThanOrEqual(MIN_COMMENT_PAGES);
    expect(labels.forums.length).toBeGreaterThanOrEqual(MIN_FORUM_PAGES);
  });

  it('see the problems a label can have in a page', () => {
    const { document } = new JSDOM(
      `<body><p>Shown once.</p><p hidden>Hidden by attribute.</p><div style="display: none"><p>Hidden by style.</p></div>
      <details><summary>Summary shows.</summary><p>Closed details.</p></details><p>Twice.</p><p>Twice.</p></body>`,
    ).window;
    const excerpts = [
      'Shown once.',
      'Hidden by attribute.',
      'Hidden by style.',
      'Summary shows.',
      'Closed details.',
      'Twice.',
      'Absent.',
    ];
    expect(checkPageExcerpts(document, excerpts, 'comment')).toEqual([
      'comment "Hidden by attribute." is hidden by the page\'s markup',
      'comment "Hidden by style." is hidden by the page\'s markup',
      'comment "Closed details." is hidden by the page\'s markup',
      'comment "Twice." occurs 2 times',
      'comment "Absent." is not in the page\'s text',
    ]);
  });
});
