import type {
  ArticleSummary,
  ExportRequest,
  ImportProgress,
  ImportSummary,
  ListPicture,
  ListRequest,
  ListResult,
  ReadingQueue,
  SavedArticleData,
  SavedRef,
  SaveResult,
  StateChange,
  StorageEstimate,
} from '../../shared/messaging/library-protocol';

export type {
  ArticleSummary,
  ExportFormat,
  ExportRequest,
  ImportProgress,
  ImportSummary,
  ListPicture,
  ListRequest,
  ListResult,
  ReadingQueue,
  SavedArticleData,
  SavedRef,
  SaveResult,
  StateChange,
  StorageEstimate,
} from '../../shared/messaging/library-protocol';

/** How far an import is, as the progress bar shows it. */
export type ImportStep = Pick<ImportProgress, 'state' | 'done' | 'total'>;

export interface ImportOptions {
  /** Told of every step: the file being read, then each chunk of articles stored. */
  onProgress?: (step: ImportStep) => void;
  /** Aborted: the import stops after the chunk being stored, keeping what was stored. */
  signal?: AbortSignal;
}

/** How an import ended: all of it, or stopped by a cancel (the summary counts what was stored). */
export interface ImportOutcome {
  state: 'done' | 'cancelled';
  summary: ImportSummary;
}

/** A saved article ready to render offline. */
export interface SavedArticleView extends SavedArticleData {
  /** `html` with every stored image's `src` replaced by a `data:` URL of its bytes. */
  html: string;
}

/** Whether the extension may download images (and pages) from other sites. */
export type ImageAccess = 'granted' | 'ask' | 'declined';

/** The offline library, as every page reaches it (`api.library`). */
export interface LibraryApi {
  /**
   * Saves the article of a tab (extracting it again in the background, so every surface saves the
   * same way). Images come along from the sites the extension may reach; check `imagesKept`.
   */
  saveTab(tabId: number, options?: { force?: boolean }): Promise<SaveResult>;
  /** The saved copy of a page's address, or null when it is not in the library. */
  findSaved(url: string): Promise<SavedRef | null>;
  /** Opens a saved article in the reader, in a new tab. */
  openSaved(id: string): Promise<void>;
  /** Saves a link: fetched and extracted when its site may be reached, else kept as a link. */
  saveUrl(url: string, title?: string): Promise<SaveResult>;
  /**
   * A saved article for `reader.html?id=<id>`, readable with the network off.
   *
   * Contract: resolves with the stored record (`article`: title, byline, site, dates, tags,
   * `position` to restore, `lang`, `dir`…; `leadImage.src` is a `data:` URL when stored), the
   * sanitised `html` in which every image stored offline has a `data:` URL as its `src` (images
   * not stored keep their remote `https:` URL and
   * `imageUrls`/`storedImages` tell which), and the plain `text`. The HTML was sanitised when saved;
   * sanitise it again at render time, allowing `data:` image sources. Rejects with code
   * `not-found` when the article was deleted. Save the reading position with
   * `update([id], { position })`.
   */
  getSavedArticle(id: string): Promise<SavedArticleView>;
  list(request: ListRequest): Promise<ListResult>;
  /** What to read after `id`: the first unread, unarchived article after it in the queue's order, or null. */
  findNext(id: string, queue: ReadingQueue): Promise<ArticleSummary | null>;
  /** Thumbnails and site icons (data URLs) of listed articles; ask for those on screen. */
  pictures(ids: string[]): Promise<ListPicture[]>;
  update(ids: string[], change: StateChange): Promise<{ updated: number }>;
  /** Deletes at once; `undoRemove(undoToken)` puts everything back (for an hour). */
  remove(ids: string[]): Promise<{ undoToken: string; count: number }>;
  undoRemove(undoToken: string): Promise<{ restored: number }>;
  /** Downloads what is missing (text of saved links, images kept remote) now that access may be granted. */
  fetchMissing(ids: string[]): Promise<{ completed: number; failed: number }>;
  /** One stored image of a saved article as a data URL, or null when it is not stored. */
  storedImage(id: string, url: string): Promise<string | null>;
  estimate(): Promise<StorageEstimate>;
  /** Loads the search index ahead of the first search. */
  warm(): Promise<void>;
  exportArticles(request: ExportRequest): Promise<{ fileName: string; blob: Blob }>;
  /**
   * Imports a library archive, a Pocket export (CSV/HTML) or an Omnivore export (ZIP): the file is
   * checked whole first (a corrupt one rejects and changes nothing), then stored in chunks.
   */
  importFile(file: Blob, options?: ImportOptions): Promise<ImportOutcome>;
  /**
   * Whether images may be downloaded: `granted` when the extension may reach every site, or
   * (given `imageUrls`) the sites of these images; else `declined` once the user said no, or `ask`.
   */
  imageAccess(imageUrls?: string[]): Promise<ImageAccess>;
  /**
   * Asks the user for access to download images from other sites. Browsers only show the prompt
   * during a user gesture: call it first thing in a click handler, before any other `await`.
   * A refusal is remembered (`imageAccess()` then says `declined`) so the user is not asked on
   * every save.
   */
  requestImageAccess(): Promise<boolean>;
  /** Remembers that the user chose to save without images, so the save button stops asking. */
  declineImageAccess(): Promise<void>;
}
