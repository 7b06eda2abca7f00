/**
 * Draws the article's highlights on the rendered body. Where the browser has the CSS Custom
 * Highlight API (as read aloud uses, src/ui/speech/useReadAloud.ts) each colour is one named
 * highlight of Ranges, and the article's DOM is never touched, so read aloud, the contents and the
 * reading position see the same nodes. Elsewhere each highlight is wrapped in `<mark>` elements,
 * which keep the text (and so every offset) as it was.
 */
import type { AnchoredHighlight } from '../../highlights/anchor-text';
import { joinWrappers, rangeOfSpan, rangesOfSpans, unwrap, wrapSpan } from '../../highlights/dom-text';
import { HIGHLIGHT_COLORS, type HighlightRecord } from '../../highlights/types';

interface HighlightLike {
  priority: number;
}
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;
interface HighlightRegistry {
  set(name: string, highlight: HighlightLike): void;
  delete(name: string): void;
}

function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

const NAME = (color: string) => `tidy-highlight-${color}`;
const CURRENT = 'tidy-highlight-current';

export interface HighlightPainter {
  /** Draws exactly these (anything drawn before goes), `current` set apart. */
  paint(anchored: readonly AnchoredHighlight[], current: string | null): void;
  /** The highlight under a point of the page, if any. */
  highlightAt(x: number, y: number, target: EventTarget | null): string | null;
  /** The range a drawn highlight covers now. */
  rangeOf(id: string): Range | null;
  dispose(): void;
}

export function createHighlightPainter(body: HTMLElement, options: { useMarks?: boolean } = {}): HighlightPainter {
  const api = options.useMarks ? null : highlightApi();
  const doc = body.ownerDocument;
  let drawn: readonly AnchoredHighlight[] = [];
  let marks = new Map<string, Element[]>();

  function clear(): void {
    if (api) for (const name of [...HIGHLIGHT_COLORS.map(NAME), CURRENT]) api.registry.delete(name);
    for (const wrappers of marks.values()) unwrap(wrappers);
    marks = new Map();
  }

  function offsetAt(x: number, y: number): number | null {
    const caret = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    const position = caret.caretPositionFromPoint?.(x, y);
    const range = caret.caretRangeFromPoint?.(x, y);
    const node = position?.offsetNode ?? range?.startContainer;
    const offset = position?.offset ?? range?.startOffset;
    if (!node || offset === undefined || !body.contains(node)) return null;
    const before = doc.createRange();
    before.setStart(body, 0);
    before.setEnd(node, offset);
    return before.toString().length;
  }

  return {
    paint(anchored, current) {
      clear();
      drawn = anchored;
      if (api) {
        // Every range from one walk over the body's text, not one walk per highlight.
        const ranges = rangesOfSpans(
          body,
          anchored.map((a) => a.span),
        );
        for (const color of HIGHLIGHT_COLORS) {
          const own = ranges.filter((r, i): r is Range => r !== null && anchored[i]!.highlight.color === color);
          const highlight = new api.Highlight(...own);
          // Below read aloud's sentence, which must stay visible over a highlight.
          highlight.priority = -1;
          api.registry.set(NAME(color), highlight);
        }
        const focused = anchored.findIndex((a) => a.highlight.id === current);
        const range = focused >= 0 ? ranges[focused] : null;
        if (range) api.registry.set(CURRENT, new api.Highlight(range.cloneRange()));
        return;
      }
      for (const { highlight, span } of anchored) {
        marks.set(
          highlight.id,
          wrapSpan(body, span, () => {
            const mark = doc.createElement('mark');
            mark.className = `highlight highlight--${highlight.color}${highlight.id === current ? ' is-current' : ''}`;
            mark.dataset.highlightId = highlight.id;
            return mark;
          }),
        );
      }
    },
    highlightAt(x, y, target) {
      const mark = (target as Element | null)?.closest?.('mark[data-highlight-id]');
      if (mark) return (mark as HTMLElement).dataset.highlightId ?? null;
      if (!api) return null;
      const offset = offsetAt(x, y);
      if (offset === null) return null;
      // The innermost (shortest) highlight at the point: a small one inside a long one stays reachable.
      const under = drawn.filter((a) => a.span.start <= offset && offset < a.span.end);
      under.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
      return under[0]?.highlight.id ?? null;
    },
    rangeOf(id) {
      const found = drawn.find((a) => a.highlight.id === id);
      return found ? rangeOfSpan(body, found.span) : null;
    },
    dispose: clear,
  };
}

/**
 * A copy of the body with the highlights as `<mark>` (for copy as Markdown, which writes them
 * as `==text==`), whichever way they are drawn on screen.
 */
export function highlightedCopy(
  body: HTMLElement,
  anchored: readonly AnchoredHighlight<HighlightRecord>[],
): HTMLElement {
  const copy = body.cloneNode(true) as HTMLElement;
  // Drawn as marks already (no Highlight API): the copy has them.
  if (copy.querySelector('mark[data-highlight-id]')) return copy;
  for (const { span } of anchored) joinWrappers(wrapSpan(copy, span, () => copy.ownerDocument.createElement('mark')));
  return copy;
}
