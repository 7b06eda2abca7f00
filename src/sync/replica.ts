/** What the sync needs of the local side: the library it keeps in step, and its own records. */
import type { ArticleFile } from './article-file';
import type { LocalArticle } from './local-edits';
import type { Manifest } from './manifest';

/** Images for `LocalLibrary.apply`, by the address the HTML uses. */
export interface ImagesUpdate {
  /** A new content version: these replace the stored ones. Otherwise they join them. */
  replace: boolean;
  byUrl: Map<string, Blob>;
}

/** The library as the sync sees it (src/background/sync/library-replica.ts in the extension). */
export interface LocalLibrary {
  /** The library's change counter now. */
  revision(): Promise<number>;
  /** The ids of every article it holds. */
  ids(): Promise<Set<string>>;
  /** The revisions of the articles written after `revision` (cheap: no bodies). */
  revisionsSince(revision: number): Promise<number[]>;
  /** The articles written after `revision`, with their bodies. */
  changedSince(revision: number): Promise<LocalArticle[]>;
  get(id: string): Promise<LocalArticle | null>;
  /** A stored image's bytes, by the address the HTML uses. */
  image(id: string, url: string): Promise<{ bytes: Uint8Array; type: string } | null>;
  /**
   * Writes the merged article: its state, and with `images` the images of its content version
   * (by address): all of them for a new version (`replace`: the old version's go), or the ones
   * it lacked (stored since on another device) added to those it holds.
   * Skipped (false) when the article was written locally after `revision` (null: it was absent),
   * so that an edit made during the sync is merged next time instead of being overwritten.
   * Resolves with the article's new revision.
   */
  apply(file: ArticleFile, images: ImagesUpdate | null, revision: number | null): Promise<number | false>;
  /** Deletes the article unless it was written after `revision`. */
  remove(id: string, revision: number): Promise<boolean>;
}

/** What the replica last knew of an article on the server, and of the copy it synced. */
export interface Shadow {
  id: string;
  /** The state last synced both ways, without its body. */
  file: ArticleFile;
  /** The file on the server as last read or written; null before the first write. */
  server: { rev: number; hash: string; etag: string | null } | null;
}

export interface SyncCursor {
  /** The library's counter up to which its changes have been synced. */
  libraryRevision: number;
  /** The manifest as last read or written, and its ETag (a 304 reuses it). */
  manifest: Manifest | null;
  manifestEtag: string | null;
  /** Manifest entries whose files are not ours (by their hash): not read again until they change. */
  ignored?: Record<string, string>;
  /**
   * Tombstones were purged: from this time (epoch ms), the images no article uses any more are
   * deleted (`blobs/`); null or absent when there is nothing to collect.
   */
  collectBlobsAt?: number | null;
  /**
   * Articles another device wrote at the same revision as this one in the same moment (a server
   * let both conditional writes through): read, merged and written again on the next sync.
   */
  recheck?: string[];
}

/** The sync's own records (Dexie tables in the extension, `syncShadows` and `syncState`). */
export interface SyncRecords {
  cursor(): Promise<SyncCursor>;
  setCursor(cursor: SyncCursor): Promise<void>;
  shadows(): Promise<Map<string, Shadow>>;
  putShadow(shadow: Shadow): Promise<void>;
  deleteShadow(id: string): Promise<void>;
}
