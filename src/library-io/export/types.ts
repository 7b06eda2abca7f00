import type { HighlightRecord } from '../../highlights/types';
import type { ArticleRecord, ContentRecord } from '../../storage/types';

export interface ExportImage {
  url: string;
  type: string;
  bytes: Uint8Array;
}

/** One article with everything an export needs, read from the library beforehand. */
export interface ExportArticle {
  record: ArticleRecord;
  content: ContentRecord;
  images: ExportImage[];
  /** Its highlights (absent: none). */
  highlights?: HighlightRecord[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export type ExportFormat = 'markdown' | 'html' | 'epub' | 'archive' | 'obsidian' | 'annotations';
