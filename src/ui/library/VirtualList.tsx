import {
  Virtualizer,
  observeWindowOffset,
  observeWindowRect,
  windowScroll,
  type VirtualItem,
} from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { createFlingTracker } from './fling';

export interface ItemPosition {
  top: number;
  column: number;
  slot: number;
  /** The list is being flung (./fling.ts): draw the item as a sketch if it can be. */
  isFling: boolean;
}

export interface VirtualListProps {
  count: number;
  /** Items side by side in one line (cards); 1 for rows. */
  perLine: number;
  /** Height of one line, in CSS pixels (every line is as tall: nothing to measure while scrolling). */
  lineHeight: number;
  label: string;
  class: string;
  /** The item to keep in view (the keyboard's row), or -1. */
  keepInView: number;
  /** The items on screen changed (indexes, inclusive). */
  onRange(first: number, last: number): void;
  /**
   * `slot` is the item's place in a ring as long as the items drawn: an item keeps its slot while
   * it stays drawn, and an item coming into view takes the slot of one that left (key by it to
   * reuse that one's elements).
   */
  renderItem(index: number, position: ItemPosition): ComponentChildren;
}

/**
 * A list of any length drawn a screenful at a time: only the lines in and near the view are in
 * the DOM, laid out at their place in a list as tall as the whole. The page itself scrolls (the
 * window), so the header, search and list scroll as one. Built on TanStack Virtual's core.
 */
export function VirtualList(props: VirtualListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const lines = Math.ceil(props.count / props.perLine);
  const virtualizer = useMemo(
    () =>
      new Virtualizer<Window, HTMLLIElement>({
        count: lines,
        getScrollElement: () => window,
        estimateSize: () => props.lineHeight,
        observeElementRect: observeWindowRect,
        observeElementOffset: observeWindowOffset,
        scrollToFn: windowScroll,
        overscan: 4,
        initialRect: { width: window.innerWidth, height: window.innerHeight },
        onChange: () => redraw(0),
      }),
    // Created once; its options follow the props below.
    [],
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count: lines,
    estimateSize: () => props.lineHeight,
    scrollMargin: listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0,
  });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  // Sizes are fixed per layout: a change of layout or text size lays every line out anew.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, props.lineHeight, props.perLine]);

  const fling = useMemo(createFlingTracker, []);
  const { isFling, settlesAt } = fling.observe(virtualizer.scrollOffset ?? 0, performance.now(), window.innerHeight);
  useEffect(() => {
    if (!isFling) return;
    const timer = setTimeout(() => redraw(0), Math.max(0, settlesAt - performance.now()) + 1);
    return () => clearTimeout(timer);
  });

  const lineItems: VirtualItem[] = virtualizer.getVirtualItems();
  const first = lineItems.length > 0 ? lineItems[0]!.index * props.perLine : 0;
  const last =
    lineItems.length > 0
      ? Math.min(props.count - 1, (lineItems[lineItems.length - 1]!.index + 1) * props.perLine - 1)
      : -1;
  const onRange = props.onRange;
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  const keep = props.keepInView;
  useEffect(() => {
    if (keep >= 0 && keep < props.count) virtualizer.scrollToIndex(Math.floor(keep / props.perLine), { align: 'auto' });
  }, [keep, virtualizer, props.perLine, props.count]);

  const margin = virtualizer.options.scrollMargin;
  const drawn = lineItems.flatMap((line) =>
    Array.from({ length: props.perLine }, (_, column) => line.index * props.perLine + column)
      .filter((index) => index < props.count)
      .map((index) => ({ index, top: line.start - margin })),
  );
  return (
    <ul
      ref={listRef}
      class={props.class}
      aria-label={props.label}
      style={{ height: `${virtualizer.getTotalSize()}px` }}
    >
      {drawn.map(({ index, top }) =>
        props.renderItem(index, { top, column: index % props.perLine, slot: index % drawn.length, isFling }),
      )}
    </ul>
  );
}
