/**
 * What the library keeps. Records are plain data (JSON-safe, except image Blobs) so that they
 * cross message channels and export to the archive format unchanged.
 */
import type { LeadImage, PageType, RemovedCounts } from '../extract/types';
import type { HighlightRecord } from '../highlights/types';

export type ArticleId = string;

/** Where the reader was: `progress` is the share of the article scrolled past (0–1). */
export interface ReadingPosition {
  progress: number;
  /** Index of the block (paragraph, heading…) at the top of the view, for an exact restore. */
  block?: number;
}

/**
 * `complete`: text (and images where allowed) are stored. `link`: only the address is known yet
 * (saved from a link without access to the site, or imported from a links-only export); the
 * library offers to fetch it.
 */
export type ArticleStatus = 'complete' | 'link';

export type ArticleSource = 'page' | 'link' | 'pocket' | 'omnivore' | 'archive';

/** The summary of a saved article: everything but its body, so that listing stays cheap. */
export interface ArticleRecord {
  id: ArticleId;
  /** The address it was saved from. */
  url: string;
  canonicalUrl: string | null;
  /** Normalised `url` and `canonicalUrl`: the same address saved twice finds the entry. */
  urlKeys: string[];
  /** Host name, for the site filter (`siteName` is free text and often missing). */
  host: string;
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
  /** What kind of page it was saved from; absent on entries saved before page kinds (articles). */
  pageType?: PageType;
  status: ArticleStatus;
  source: ArticleSource;
  /** Epoch milliseconds. */
  savedAt: number;
  updatedAt: number;
  tags: string[];
  isRead: boolean;
  isArchived: boolean;
  isFavorite: boolean;
  position: ReadingPosition | null;
  /** Images referenced by the HTML, and how many of them are stored for offline reading. */
  images: { total: number; stored: number };
  /** Library-wide change counter at the last write; lets the search index catch up. */
  revision: number;
}

export interface ContentRecord {
  id: ArticleId;
  /** Sanitised article HTML; `<img src>` keep their absolute URLs, the keys of stored images. */
  html: string;
  text: string;
  /** Every image URL the HTML uses, stored or not (the ones to fetch when access is granted). */
  imageUrls: string[];
}

export interface ImageRecord {
  articleId: ArticleId;
  /** The absolute URL the article HTML uses for this image. */
  url: string;
  blob: Blob;
}

/** Deleted articles, kept a while so that "Undo" can put them back exactly. */
export interface TrashRecord {
  token: string;
  deletedAt: number;
  articles: ArticleRecord[];
  contents: ContentRecord[];
  images: ImageRecord[];
  /** Their highlights (absent in entries written before highlights). */
  highlights?: HighlightRecord[];
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * The sync's copy of one article as last synced (the server's file without its body) and what it
 * knows of the file on the server. Its shape belongs to the sync (src/sync/replica.ts `Shadow`);
 * storage keeps it as given.
 */
export interface SyncShadowRecord {
  id: ArticleId;
  file: unknown;
  server: { rev: number; hash: string; etag: string | null } | null;
}

/**
 * An article's picture in the list: a few kilobytes made once from its stored lead image (or its
 * first stored image). `dataUrl` null means the article has no picture to make one from, so
 * that it is not tried again.
 */
export interface ThumbnailRecord {
  id: ArticleId;
  dataUrl: string | null;
}

/** A site's icon, stored when an article of the site is saved and the icon could be read. */
export interface SiteIconRecord {
  host: string;
  dataUrl: string;
}
