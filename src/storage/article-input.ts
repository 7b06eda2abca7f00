/** What a write to the library takes: an article from extraction or an import, or a change of state. */
import type { LeadImage, PageType, RemovedCounts } from '../extract/types';
import type { ArticleId, ArticleRecord, ArticleSource, ArticleStatus, ReadingPosition } from './types';

/** What extraction (or an import) knows of an article besides its body. */
export interface ArticleFields {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  wordCount: number;
  readingMinutes: number;
  removed: RemovedCounts | null;
  /** What kind of page it was saved from (a thread, a list…); absent means an article. */
  pageType?: PageType;
}

export type ArticleState = Pick<
  ArticleRecord,
  'savedAt' | 'updatedAt' | 'tags' | 'isRead' | 'isArchived' | 'isFavorite' | 'position'
>;

export interface SaveInput {
  url: string;
  canonicalUrl: string | null;
  fields: ArticleFields;
  status: ArticleStatus;
  source: ArticleSource;
  html: string;
  text: string;
  /** Every image URL the HTML uses, stored or not. */
  imageUrls: string[];
  /** The images fetched for offline reading, by URL. */
  images: Map<string, Blob>;
  /** Imports carry the state the other service had; a save from a page leaves it out. */
  state?: Partial<ArticleState>;
  /** Imports of our own archive keep the entry's id and the addresses it was known by. */
  id?: ArticleId;
  urlKeys?: string[];
  /**
   * The list's thumbnail, made from the lead image at save (a data URL; null: no picture). Left
   * out (imports), it is made later from the stored images when the list first shows the article.
   */
  thumbnail?: string | null;
  /** The site's icon as a data URL, when it could be read at save. */
  siteIcon?: string | null;
}

export interface SaveOutcome {
  record: ArticleRecord;
  isNew: boolean;
}

export interface StatePatch {
  isRead?: boolean;
  isArchived?: boolean;
  isFavorite?: boolean;
  position?: ReadingPosition | null;
  addTags?: string[];
  removeTags?: string[];
  setTags?: string[];
}
