/**
 * The offline library's part of the background protocol (`BackgroundApi` extends it). Payloads are
 * plain JSON: binary data (images, files) travels as base64 or data URLs.
 */
import type { HighlightRecord, HighlightSelectors } from '../../highlights/types';
import type { ParsedImport } from '../../library-io/import/types';
import type { ExtractedPage, PreparedArticle } from '../../library-io/dom-host';
import type { Facet, LibrarySort, LibraryView } from '../../storage/library-query';
import type { ArticleRecord, ReadingPosition } from '../../storage/types';
import type { SenderRoles } from './sender-roles';

/** The library is the extension's own: no script in a web page reaches it. */
const EXTENSION = ['extension'] as const;

/**
 * A saved article as pages see it (the storage bookkeeping left out). A listed one also says how
 * many highlights it has, so the row is drawn once with its count.
 */
export type ArticleSummary = Omit<ArticleRecord, 'urlKeys' | 'revision'> & { highlightCount?: number };

export interface SaveResult {
  id: string;
  title: string;
  isNew: boolean;
  status: ArticleSummary['status'];
  images: { total: number; stored: number };
  /** Why images were kept as remote links: no permission for their sites, or some failed to download. */
  imagesKept: 'no-access' | 'failed' | null;
}

/** A saved copy of a page, as the save button needs to know it. */
export interface SavedRef {
  id: string;
  title: string;
  savedAt: number;
  images: { total: number; stored: number };
}

export interface ListRequest {
  view?: LibraryView;
  tag?: string | null;
  site?: string | null;
  search?: string;
  sort?: LibrarySort | 'relevance';
  offset?: number;
  limit?: number;
  /**
   * The pictures of the first `withPictures` articles of the answer come with it: the first
   * screen gets its rows and their thumbnails in one round trip.
   */
  withPictures?: number;
}

/**
 * A library list as the reader was opened from it (the library's view, filters, search and sort):
 * the order in which "Read next" goes through the articles.
 */
export type ReadingQueue = Omit<ListRequest, 'offset' | 'limit' | 'withPictures'>;

export interface ListResult {
  items: ArticleSummary[];
  total: number;
  /** Articles in the library, whatever the filters. */
  libraryCount: number;
  tags: Facet[];
  sites: Facet[];
  /** Asked for with `withPictures`: those articles' pictures (pending ones are asked for again). */
  pictures?: ListPicture[];
}

/** An article's pictures in the list, as data URLs: its thumbnail and its site's icon. */
export interface ListPicture {
  id: string;
  thumbnail: string | null;
  icon: string | null;
  /** Not made yet (a request makes a few at a time): ask again. */
  isPending: boolean;
}

export interface SavedArticleData {
  article: ArticleSummary;
  html: string;
  text: string;
  /** Every image URL the HTML uses, and those of them stored offline. */
  imageUrls: string[];
  storedImages: string[];
}

export interface StateChange {
  isRead?: boolean;
  isArchived?: boolean;
  isFavorite?: boolean;
  position?: ReadingPosition | null;
  addTags?: string[];
  removeTags?: string[];
  setTags?: string[];
}

/**
 * `obsidian`: a zip with a folder per article, `article.md` and its images under `assets/`.
 * `annotations`: every highlight of the chosen articles as W3C Web Annotations (JSON-LD).
 */
export type ExportFormat = 'markdown' | 'html' | 'epub' | 'archive' | 'obsidian' | 'annotations';

export interface ExportRequest {
  /** null: the whole library. */
  ids: string[] | null;
  format: ExportFormat;
  /** Markdown only: images as files beside the text (a zip), or links to their addresses. */
  markdownImages?: 'files' | 'links';
}

export interface TransferInfo {
  transferId: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface ImportSummary {
  kind: ParsedImport['kind'];
  added: number;
  updated: number;
  skipped: number;
}

/** An import running in the background, as the page follows it. */
export interface ImportProgress {
  jobId: string;
  /**
   * `reading`: the file is being read and checked (nothing stored yet); `importing`: its articles
   * are being stored, a chunk at a time; `done`; `cancelled`: stopped, what was stored is kept.
   */
  state: 'reading' | 'importing' | 'done' | 'cancelled';
  /** Articles of the file stored so far, of `total`. */
  done: number;
  total: number;
  /** Once done or cancelled: what was stored. */
  summary: ImportSummary | null;
}

export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
  articleCount: number;
}

export interface LibraryBackgroundApi {
  'articles.saveTab': (req: { tabId: number; force?: boolean }) => SaveResult;
  'articles.saveUrl': (req: { url: string; title?: string }) => SaveResult;
  /** The saved copy of an address (the same article under another tracking parameter counts). */
  'articles.lookup': (req: { url: string }) => SavedRef | null;
  'articles.get': (req: { id: string }) => SavedArticleData;
  /** One stored image as a data URL, or null when it is not stored. */
  'articles.image': (req: { id: string; url: string }) => { dataUrl: string } | null;
  'articles.list': (req: ListRequest) => ListResult;
  /**
   * The first unread, unarchived article after `after` in the queue's order (round to the start),
   * or null. Not a page of `articles.list`: the article being read may have left the list (read
   * to its end in the unread view), and the next one may be many pages on.
   */
  'articles.findNext': (req: { after: string; queue: ReadingQueue }) => ArticleSummary | null;
  /** The list's pictures of up to 100 articles; thumbnails not made yet are made from stored images. */
  'articles.pictures': (req: { ids: string[] }) => { pictures: ListPicture[] };
  'articles.update': (req: { ids: string[]; change: StateChange }) => { updated: number };
  'articles.delete': (req: { ids: string[] }) => { undoToken: string; count: number };
  'articles.undoDelete': (req: { undoToken: string }) => { restored: number };
  /** Downloads what is missing (text of links, images kept remote) now that access may be granted. */
  'articles.fetchMissing': (req: { ids: string[] }) => { completed: number; failed: number };
  'articles.estimate': (req: Record<string, never>) => StorageEstimate;
  /** Loads the search index ahead of the first search. */
  'articles.warm': (req: Record<string, never>) => { ready: true };
  'articles.export': (req: ExportRequest) => TransferInfo;
  /** Imports an uploaded file and answers at the end (scripts and tests; pages follow a job). */
  'articles.import': (req: { transferId: string }) => ImportSummary;
  /** Starts importing an uploaded file; follow it with `articles.importStatus`. */
  'articles.importStart': (req: { transferId: string }) => ImportProgress;
  /** An import's progress; fails with the import's failure (a corrupt file…) once it failed. */
  'articles.importStatus': (req: { jobId: string }) => ImportProgress;
  /** Stops an import after the chunk being stored; the articles stored so far stay. */
  'articles.importCancel': (req: { jobId: string }) => ImportProgress;
  /** Files cross the channel in base64 chunks: an upload is opened, written, then imported. */
  'transfer.open': (req: { size: number }) => { transferId: string };
  'transfer.write': (req: { transferId: string; offset: number; data: string }) => { received: number };
  'transfer.read': (req: { transferId: string; offset: number; length: number }) => { data: string };
  'transfer.close': (req: { transferId: string }) => { closed: true };
}

export const librarySenders: SenderRoles<LibraryBackgroundApi> = {
  'articles.saveTab': EXTENSION,
  'articles.saveUrl': EXTENSION,
  'articles.lookup': EXTENSION,
  'articles.get': EXTENSION,
  'articles.image': EXTENSION,
  'articles.list': EXTENSION,
  'articles.findNext': EXTENSION,
  'articles.pictures': EXTENSION,
  'articles.update': EXTENSION,
  'articles.delete': EXTENSION,
  'articles.undoDelete': EXTENSION,
  'articles.fetchMissing': EXTENSION,
  'articles.estimate': EXTENSION,
  'articles.warm': EXTENSION,
  'articles.export': EXTENSION,
  'articles.import': EXTENSION,
  'articles.importStart': EXTENSION,
  'articles.importStatus': EXTENSION,
  'articles.importCancel': EXTENSION,
  'transfer.open': EXTENSION,
  'transfer.write': EXTENSION,
  'transfer.read': EXTENSION,
  'transfer.close': EXTENSION,
};

/** Served by Chrome's offscreen document: DOM work the service worker cannot do itself. */
export interface OffscreenApi {
  'dom.prepare': (req: { html: string; baseUrl: string }) => PreparedArticle;
  'dom.extract': (req: { html: string; url: string }) => ExtractedPage;
  'dom.toHtml': (req: { html: string; highlights?: HighlightRecord[] }) => string;
  'dom.toMarkdown': (req: { html: string; imageSrc: Record<string, string>; highlights?: HighlightRecord[] }) => string;
  'dom.toXhtml': (req: { html: string; imageSrc: Record<string, string>; highlights?: HighlightRecord[] }) => string;
  'dom.parsePocketHtml': (req: { html: string }) => ParsedImport;
  'dom.placeQuotes': (req: { html: string; quotes: string[] }) => (HighlightSelectors | null)[];
  'dom.sameSiteCanonical': (req: { pageUrl: string; canonicalUrl: string }) => string | null;
}

/** The background hands the offscreen document its work; the document itself asks for nothing. */
export const offscreenSenders: SenderRoles<OffscreenApi> = {
  'dom.prepare': EXTENSION,
  'dom.extract': EXTENSION,
  'dom.toHtml': EXTENSION,
  'dom.toMarkdown': EXTENSION,
  'dom.toXhtml': EXTENSION,
  'dom.parsePocketHtml': EXTENSION,
  'dom.placeQuotes': EXTENSION,
  'dom.sameSiteCanonical': EXTENSION,
};
