/**
 * Highlights and notes, the background's part of the protocol for them (`BackgroundApi` extends
 * it). Records travel as they are stored (src/highlights/types.ts): plain JSON.
 */
import type { HighlightColor, HighlightRecord, HighlightSelectors } from '../../highlights/types';
import type { SenderRoles } from './sender-roles';

const EXTENSION = ['extension'] as const;

export interface NewHighlightRequest extends HighlightSelectors {
  articleId: string;
  color: HighlightColor;
  note?: string;
}

export type HighlightChange = Partial<Pick<HighlightRecord, 'color' | 'note' | 'quote' | 'position'>>;

/** A highlight with the article it belongs to, as the library's Highlights view lists it. */
export interface HighlightEntry {
  highlight: HighlightRecord;
  article: { id: string; title: string; url: string; host: string; tags: string[] };
  /** Where the search words were found: in the highlighted text, in the note, or both. */
  matched: ('quote' | 'note')[];
}

export interface HighlightBrowseRequest {
  color?: HighlightColor | null;
  tag?: string | null;
  search?: string;
  offset?: number;
  limit?: number;
}

export interface HighlightBrowseResult {
  items: HighlightEntry[];
  total: number;
  /** Highlights in the library, whatever the filters. */
  libraryCount: number;
}

export interface HighlightBackgroundApi {
  /** The article's highlights, orphaned ones included (the reader anchors them). */
  'highlights.list': (req: { articleId: string }) => HighlightRecord[];
  'highlights.add': (req: NewHighlightRequest) => HighlightRecord;
  'highlights.update': (req: { id: string; change: HighlightChange }) => HighlightRecord;
  /** Deletes one; answers the record, which `highlights.restore` puts back (undo). */
  'highlights.delete': (req: { id: string }) => { deleted: HighlightRecord | null };
  'highlights.restore': (req: { highlight: HighlightRecord }) => { restored: number };
  /** Every highlight of the library, newest first, by colour, tag or words. */
  'highlights.browse': (req: HighlightBrowseRequest) => HighlightBrowseResult;
}

export const highlightSenders: SenderRoles<HighlightBackgroundApi> = {
  'highlights.list': EXTENSION,
  'highlights.add': EXTENSION,
  'highlights.update': EXTENSION,
  'highlights.delete': EXTENSION,
  'highlights.restore': EXTENSION,
  'highlights.browse': EXTENSION,
};
