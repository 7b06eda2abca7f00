// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { ArticleRow, type ArticleRowProps, type RowActions } from '../../../src/ui/library/ArticleRow';
import { createFlingTracker, FLING_SCREENS_PER_SECOND, SETTLE_MS } from '../../../src/ui/library/fling';
import { summary } from './library-fixture';
import { PageRoot } from '../../../src/ui/PageRoot';

afterEach(cleanup);

const SCREEN = 800;

describe('createFlingTracker', () => {
  it('takes a screenful a frame for a fling, and reading speed for none', () => {
    const fling = createFlingTracker();
    expect(fling.observe(0, 1000, SCREEN).isFling).toBe(false);
    // A wheel notch (100 px) every 50 ms: 2 px/ms, 2.5 screens a second.
    expect(fling.observe(100, 1050, SCREEN).isFling).toBe(false);
    expect(fling.observe(200, 1100, SCREEN).isFling).toBe(false);
    // A screenful a frame.
    const fast = fling.observe(200 + SCREEN, 1116, SCREEN);
    expect(fast).toEqual({ isFling: true, settlesAt: 1116 + SETTLE_MS });
  });

  it('lasts until the scrolling has been slow for a moment', () => {
    const fling = createFlingTracker();
    fling.observe(0, 0, SCREEN);
    fling.observe(SCREEN, 16, SCREEN);
    // Same offset (a redraw for another reason): still a fling until it settles.
    expect(fling.observe(SCREEN, 16 + SETTLE_MS - 1, SCREEN).isFling).toBe(true);
    expect(fling.observe(SCREEN, 16 + SETTLE_MS, SCREEN).isFling).toBe(false);
  });

  it('counts the threshold in screens a second, and a jump after a pause as no fling', () => {
    const limit = (FLING_SCREENS_PER_SECOND * SCREEN) / 1000;
    const fling = createFlingTracker();
    fling.observe(0, 0, SCREEN);
    expect(fling.observe(limit * 100, 100, SCREEN).isFling).toBe(false);
    expect(fling.observe(limit * 100 + limit * 110, 200, SCREEN).isFling).toBe(true);
    const other = createFlingTracker();
    other.observe(0, 0, SCREEN);
    // "End" pressed after reading for ten seconds: far, but not fast.
    expect(other.observe(40 * SCREEN, 10_000, SCREEN).isFling).toBe(false);
  });
});

const noop = (): void => undefined;
const actions: RowActions = {
  onToggle: noop,
  onArchive: noop,
  onFavorite: noop,
  onTag: noop,
  onDelete: noop,
  onFocus: noop,
};

function rowProps(index: number, overrides: Partial<ArticleRowProps> = {}): ArticleRowProps {
  return {
    article: summary({ id: `a${index}`, title: `Title ${index}`, excerpt: 'The first lines.', tags: ['war'] }),
    href: `reader.html#a${index}`,
    picture: undefined,
    layout: 'rows',
    isSelected: false,
    isCurrent: false,
    isFling: false,
    actions,
    index,
    total: 100,
    top: index * 132,
    column: 0,
    perLine: 1,
    ...overrides,
  };
}

describe('a row during a fling', () => {
  const api = createMockApi({ library: createMockLibraryApi([]) });
  const draw = (props: ArticleRowProps) => (
    <PageRoot api={api} speech={null}>
      <ul>
        <ArticleRow {...props} />
      </ul>
    </PageRoot>
  );

  it('is a sketch (site and title) when it comes into view, and whole once the fling ends', () => {
    const { container, rerender } = render(draw(rowProps(1, { isFling: true })));
    const row = () => container.querySelector('li.entry')!;
    expect(row().classList.contains('entry--sketch')).toBe(true);
    expect(row().querySelector('.entry__title')?.textContent).toBe('Title 1');
    expect(row().querySelector('input, button, .entry__excerpt, .entry__tags')).toBeNull();
    expect(row().getAttribute('aria-posinset')).toBe('2');
    rerender(draw(rowProps(1, { isFling: false })));
    expect(row().classList.contains('entry--sketch')).toBe(false);
    expect(row().querySelectorAll('button')).toHaveLength(4);
    expect(row().querySelector('.entry__excerpt')?.textContent).toBe('The first lines.');
  });

  it('stays whole when it was drawn whole before the fling, or is the keyboard’s row or selected', () => {
    const { container, rerender } = render(draw(rowProps(1)));
    const row = () => container.querySelector('li.entry')!;
    rerender(draw(rowProps(1, { isFling: true })));
    expect(row().classList.contains('entry--sketch')).toBe(false);
    rerender(draw(rowProps(2, { isFling: true })));
    expect(row().classList.contains('entry--sketch')).toBe(true);
    rerender(draw(rowProps(3, { isFling: true, isCurrent: true })));
    expect(row().classList.contains('entry--sketch')).toBe(false);
    rerender(draw(rowProps(4, { isFling: true, isSelected: true })));
    expect(row().querySelector('input[type="checkbox"]')).not.toBeNull();
  });
});
