import { englishReason } from '../../shared/i18n/english';
import type { FailureReason } from '../../shared/i18n/failures';
import type { ArticleFields, ArticleState } from '../../storage/article-repository';
import type { HighlightRecord } from '../../highlights/types';
import type { ArticleSource, ArticleStatus } from '../../storage/types';

/**
 * One entry read from an import file, before it is stored. `html` still goes through the
 * sanitiser; `text` is derived from it when the file has none.
 */
export interface ImportDraft {
  url: string;
  canonicalUrl: string | null;
  fields: ArticleFields;
  status: ArticleStatus;
  source: ArticleSource;
  html: string;
  text: string | null;
  imageUrls: string[] | null;
  images: { url: string; type: string; bytes: Uint8Array }[];
  state: Partial<ArticleState>;
  id?: string;
  urlKeys?: string[];
  /** Highlights the file had for this entry, as stored (their `articleId` is the entry's `id`). */
  highlights?: HighlightRecord[];
  /** Highlights another service exported by their text alone: placed in the body at import. */
  quotedHighlights?: QuotedHighlight[];
}

/**
 * A highlight as Omnivore and Pocket export it: the quoted text, no offsets, no colour. Placed in
 * the stored body's text at import; one that cannot be (a link whose text is fetched later, a
 * body that changed) is kept by its quote, and the reader anchors it when it shows the text.
 */
export interface QuotedHighlight {
  quote: string;
  note: string;
  /** Epoch milliseconds; null when the export has no date (then the time of the import). */
  createdAt: number | null;
}

export type ImportKind = 'archive' | 'pocket-csv' | 'pocket-html' | 'omnivore';

export interface ParsedImport {
  kind: ImportKind;
  drafts: ImportDraft[];
  /** Entries the file had that could not be used (no valid address…), for the summary. */
  skipped: number;
}

/** A file the library cannot import, and why (the pages put the reason into words). */
export class ImportFileError extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly params: string[] = [],
  ) {
    super(englishReason(reason, params));
    this.name = 'ImportFileError';
  }
}

export function emptyFields(title: string): ArticleFields {
  return {
    title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
    removed: null,
  };
}

export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Seconds or milliseconds since the epoch, or an ISO date; null when it is none of these. */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value < 1e11 ? value * 1000 : value;
  if (typeof value !== 'string' || !value.trim()) return null;
  if (/^\d+$/.test(value.trim())) return parseTime(Number(value.trim()));
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
