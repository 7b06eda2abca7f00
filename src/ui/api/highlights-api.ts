import type { HighlightRecord } from '../../highlights/types';
import type {
  HighlightBrowseRequest,
  HighlightBrowseResult,
  HighlightChange,
  NewHighlightRequest,
} from '../../shared/messaging/highlight-protocol';

export type {
  HighlightBrowseRequest,
  HighlightBrowseResult,
  HighlightChange,
  HighlightEntry,
  NewHighlightRequest,
} from '../../shared/messaging/highlight-protocol';

/** Highlights and notes of saved articles (stored by the background with the library). */
export interface HighlightsApi {
  list(articleId: string): Promise<HighlightRecord[]>;
  add(req: NewHighlightRequest): Promise<HighlightRecord>;
  update(id: string, change: HighlightChange): Promise<HighlightRecord>;
  /** Deletes one; resolves the deleted record (for undo), null when it was already gone. */
  remove(id: string): Promise<HighlightRecord | null>;
  restore(highlight: HighlightRecord): Promise<void>;
  browse(req: HighlightBrowseRequest): Promise<HighlightBrowseResult>;
}
