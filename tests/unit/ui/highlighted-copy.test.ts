// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorAll, describeSpan } from '../../../src/highlights/anchor-text';
import { textOf } from '../../../src/highlights/dom-text';
import type { HighlightRecord } from '../../../src/highlights/types';
import { articleToMarkdown } from '../../../src/ui/article/to-markdown';
import { createHighlightPainter, highlightedCopy } from '../../../src/ui/highlights/paint-highlights';
import { makeArticle } from './article-fixture';

function body(): HTMLElement {
  const root = document.createElement('div');
  root.append(
    document
      .createRange()
      .createContextualFragment('<p>The ferries would <em>run</em> again.</p><p>Fishermen mended nets.</p>'),
  );
  return root;
}

function highlight(root: HTMLElement, from: string, to: string): HighlightRecord {
  const text = textOf(root);
  const selectors = describeSpan(text, text.indexOf(from), text.indexOf(to) + to.length);
  return { id: from, articleId: 'a', color: 'yellow', note: '', ...selectors, createdAt: 1, updatedAt: 1 };
}

describe('copy as Markdown with highlights', () => {
  it('writes each highlight as ==text==, across paragraphs, leaving the page untouched', () => {
    const root = body();
    const { anchored } = anchorAll(textOf(root), [highlight(root, 'would', 'mended')]);
    const before = root.innerHTML;
    const markdown = articleToMarkdown(makeArticle(), highlightedCopy(root, anchored));
    expect(markdown).toContain('The ferries ==would _run_ again.==');
    expect(markdown).toContain('==Fishermen mended== nets.');
    expect(root.innerHTML).toBe(before);
  });

  it('copies the marks already drawn where the Highlight API is missing', () => {
    const root = body();
    const { anchored } = anchorAll(textOf(root), [highlight(root, 'Fishermen', 'nets')]);
    const painter = createHighlightPainter(root, { useMarks: true });
    painter.paint(anchored, null);
    expect(root.querySelectorAll('mark.highlight')).toHaveLength(1);
    expect(articleToMarkdown(makeArticle(), highlightedCopy(root, anchored))).toContain('==Fishermen mended nets==.');
    painter.dispose();
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });
});
