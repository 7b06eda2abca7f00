import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { spanOfRange, textOf } from '../../highlights/dom-text';
import { trimSpan } from '../../highlights/anchor-text';
import type { TextSpan } from '../../highlights/types';
import type { HighlightsStore } from './createHighlightsStore';
import { createHighlightPainter, type HighlightPainter } from './paint-highlights';

/** Marked once the article's highlights are first on screen: the library benchmark reads it. */
export const HIGHLIGHTS_PAINTED_MARK = 'tidy-reader:highlights-painted';

/** Where the selection toolbar goes: below the selection, in page coordinates. */
export interface SelectionSpot {
  span: TextSpan;
  top: number;
  left: number;
}

function selectionIn(body: HTMLElement): { span: TextSpan; range: Range } | null {
  const selection = body.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const raw = spanOfRange(body, range);
  const span = raw && trimSpan(textOf(body), raw.start, raw.end);
  return span ? { span, range } : null;
}

/**
 * Wires a surface's highlights to its rendered body: draws them, follows the selection for the
 * toolbar, opens a highlight's editor when it is clicked, and scrolls to one on request.
 */
export function useHighlights(store: HighlightsStore, body: HTMLElement | null) {
  const painter = useMemo<HighlightPainter | null>(() => (body ? createHighlightPainter(body) : null), [body]);
  const [spot, setSpot] = useState<SelectionSpot | null>(null);

  // Asked for at once, while the body is still being put on screen.
  useEffect(() => void store.load(), [store]);
  // Before the browser paints (layout effects): the highlights come on screen in the same frame as
  // the text they mark, when they are at hand by then (asked for with a saved article).
  useLayoutEffect(() => {
    if (body) store.text.value = textOf(body);
  }, [body, store]);
  useEffect(() => () => painter?.dispose(), [painter]);

  const anchored = store.anchored.value;
  const current = store.current.value;
  useLayoutEffect(() => {
    painter?.paint(anchored, current);
    if (anchored.length > 0 && performance.getEntriesByName(HIGHLIGHTS_PAINTED_MARK).length === 0) {
      requestAnimationFrame(() => performance.mark(HIGHLIGHTS_PAINTED_MARK));
    }
  }, [painter, anchored, current]);

  useEffect(() => {
    if (!body) return;
    const doc = body.ownerDocument;
    const follow = () => {
      const found = selectionIn(body);
      if (!found) return setSpot(null);
      // Below the selection's last line (DOMs without layout have no rectangles: at the top).
      const rects = typeof found.range.getClientRects === 'function' ? found.range.getClientRects() : [];
      const last = rects[rects.length - 1] ?? { bottom: 0, left: 0 };
      const win = doc.defaultView;
      setSpot({ span: found.span, top: last.bottom + (win?.scrollY ?? 0) + 6, left: last.left + (win?.scrollX ?? 0) });
    };
    const onClick = (event: MouseEvent) => {
      if (selectionIn(body)) return;
      const id = painter?.highlightAt(event.clientX, event.clientY, event.target);
      if (id) {
        store.current.value = id;
        store.editing.value = id;
      }
    };
    doc.addEventListener('selectionchange', follow);
    body.addEventListener('click', onClick);
    return () => {
      doc.removeEventListener('selectionchange', follow);
      body.removeEventListener('click', onClick);
    };
  }, [body, painter, store]);

  // Opened from the library's Highlights view (`#highlight=<id>`): go to it once it is drawn.
  const [target, setTarget] = useState(() => /#highlight=([^&]+)/.exec(location.hash)?.[1] ?? null);
  useEffect(() => {
    const id = target && decodeURIComponent(target);
    if (!id || !anchored.some((a) => a.highlight.id === id)) return;
    setTarget(null);
    view.scrollTo(id);
  });

  const view = {
    spot,
    /** The selection in the article, as the keyboard shortcuts need it now. */
    selection: () => (body ? (selectionIn(body)?.span ?? null) : null),
    clearSelection: () => body?.ownerDocument.getSelection()?.removeAllRanges(),
    scrollTo(id: string) {
      const range = painter?.rangeOf(id);
      if (!range) return;
      store.current.value = id;
      const rect = range.getBoundingClientRect();
      const win = body?.ownerDocument.defaultView;
      if (!win) return;
      const isReduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
      win.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3, behavior: isReduced ? 'auto' : 'smooth' });
    },
  };
  return view;
}

export type HighlightsView = ReturnType<typeof useHighlights>;
