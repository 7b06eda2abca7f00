/**
 * A highlight as the library keeps it: a plain, JSON-safe record (it crosses message channels,
 * goes into the library archive unchanged and will travel with sync). Its target is described the
 * W3C Web Annotation way, by two selectors over the text of the saved article's body: the quoted
 * text with some context, and its character offsets. See `web-annotation.ts` for the JSON-LD form.
 */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** The quoted text with what came before and after it (Web Annotation `TextQuoteSelector`). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** `[start, end)` in UTF-16 code units of the body's text (Web Annotation `TextPositionSelector`). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface HighlightRecord extends HighlightSelectors {
  /** A UUID. */
  id: string;
  /** The saved article it belongs to. */
  articleId: string;
  color: HighlightColor;
  /** The reader's note; '' for none. */
  note: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

/** Where a highlight is in the current text, or null when it could not be placed (orphaned). */
export interface TextSpan {
  start: number;
  end: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Whether `value` is a well-formed highlight record (an import file's, a message's): the name of
 * the first field that is not, or null when all are.
 */
export function badHighlightField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'highlight';
  const h = value as Record<string, unknown>;
  const quote = h.quote as Record<string, unknown> | undefined;
  const position = h.position as Record<string, unknown> | undefined;
  if (!isString(h.id) || h.id === '') return 'id';
  if (!isString(h.articleId)) return 'articleId';
  if (!isHighlightColor(h.color)) return 'color';
  if (!isString(h.note)) return 'note';
  if (
    typeof quote !== 'object' ||
    quote === null ||
    quote.type !== 'TextQuoteSelector' ||
    !isString(quote.exact) ||
    quote.exact === '' ||
    !isString(quote.prefix) ||
    !isString(quote.suffix)
  ) {
    return 'quote';
  }
  if (
    typeof position !== 'object' ||
    position === null ||
    position.type !== 'TextPositionSelector' ||
    !isCount(position.start) ||
    !isCount(position.end) ||
    position.end < position.start
  ) {
    return 'position';
  }
  if (!isTime(h.createdAt)) return 'createdAt';
  if (!isTime(h.updatedAt)) return 'updatedAt';
  return null;
}
