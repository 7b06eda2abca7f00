/**
 * The extension's library as the sync core's `LocalLibrary` and `SyncRecords`: articles from the
 * IndexedDB library (src/storage), merged files written back through `createSyncStore`, bodies
 * from the server sanitised like every other body that enters the library. An article's
 * highlights travel in its file as annotations, merged one by one (src/sync/merge.ts).
 */
import { badHighlightField, type HighlightRecord } from '../../highlights/types';
import type { DomHost } from '../../library-io/dom-host';
import { hostOf } from '../../shared/host';
import { createSyncStore, type SyncStore } from '../../storage/sync-store';
import type { LibraryDb } from '../../storage/schema';
import type { ArticleRecord, ArticleSource, ReadingPosition } from '../../storage/types';
import type { ArticleFile } from '../../sync/article-file';
import type { LocalArticle } from '../../sync/local-edits';
import { activeTags, liveAnnotations } from '../../sync/merge';
import type { LocalLibrary, Shadow, SyncCursor, SyncRecords } from '../../sync/replica';

const SOURCES: ArticleSource[] = ['page', 'link', 'pocket', 'omnivore', 'archive'];
const CURSOR_KEY = 'cursor';

/** The metadata of a saved article that travels in its content version. */
function metaOf(r: ArticleRecord): Record<string, unknown> {
  return {
    byline: r.byline,
    siteName: r.siteName,
    publishedTime: r.publishedTime,
    lang: r.lang,
    dir: r.dir,
    excerpt: r.excerpt,
    leadImage: r.leadImage,
    wordCount: r.wordCount,
    readingMinutes: r.readingMinutes,
    removed: r.removed,
    pageType: r.pageType,
  };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** The metadata from a file on the server, each field checked (the file is the reader's, but editable). */
function fieldsOf(
  meta: Record<string, unknown>,
): Omit<
  ArticleRecord,
  | 'id'
  | 'url'
  | 'canonicalUrl'
  | 'urlKeys'
  | 'host'
  | 'title'
  | 'status'
  | 'source'
  | 'savedAt'
  | 'updatedAt'
  | 'tags'
  | 'isRead'
  | 'isArchived'
  | 'isFavorite'
  | 'position'
  | 'images'
  | 'revision'
> {
  const lead = meta.leadImage;
  const isLead = typeof lead === 'object' && lead !== null && typeof (lead as { src?: unknown }).src === 'string';
  return {
    byline: text(meta.byline),
    siteName: text(meta.siteName),
    publishedTime: text(meta.publishedTime),
    lang: text(meta.lang),
    dir: meta.dir === 'rtl' || meta.dir === 'ltr' ? meta.dir : null,
    excerpt: text(meta.excerpt),
    leadImage: isLead ? (lead as ArticleRecord['leadImage']) : null,
    wordCount: count(meta.wordCount),
    readingMinutes: count(meta.readingMinutes),
    removed:
      typeof meta.removed === 'object' && meta.removed !== null ? (meta.removed as ArticleRecord['removed']) : null,
    ...(typeof meta.pageType === 'string' ? { pageType: meta.pageType as ArticleRecord['pageType'] } : {}),
  };
}

export interface LibraryReplicaDeps {
  db: LibraryDb;
  dom: DomHost;
  now?: () => number;
  /** Told of every write the sync makes to the library (the library's in-memory list follows). */
  written?: (changed: ArticleRecord[], removed: string[]) => void;
}

/**
 * The highlights of a file from the server that this library can hold: well formed and the
 * article's own. Others are left out (and, once this library edits the article, marked deleted).
 */
export function highlightsOf(file: ArticleFile): HighlightRecord[] {
  return liveAnnotations(file).filter(
    (r): r is Record<string, unknown> & HighlightRecord => badHighlightField(r) === null && r.articleId === file.id,
  );
}

export function createLibraryReplica(deps: LibraryReplicaDeps): {
  library: LocalLibrary;
  records: SyncRecords;
  store: SyncStore;
} {
  const store = createSyncStore(deps.db);
  const now = deps.now ?? Date.now;

  async function toLocal(record: ArticleRecord): Promise<LocalArticle> {
    const content = await store.content(record.id);
    return {
      id: record.id,
      revision: record.revision,
      editedAt: record.updatedAt,
      title: record.title,
      isRead: record.isRead,
      isArchived: record.isArchived,
      isFavorite: record.isFavorite,
      position: record.position,
      tags: record.tags,
      content: {
        url: record.url,
        canonicalUrl: record.canonicalUrl,
        urlKeys: record.urlKeys,
        status: record.status,
        source: record.source,
        savedAt: record.savedAt,
        meta: metaOf(record),
        html: content?.html ?? '',
        text: content?.text ?? '',
        imageUrls: content?.imageUrls ?? [],
      },
      annotations: (await store.highlights(record.id)).map((h) => ({ ...h })),
    };
  }

  const library: LocalLibrary = {
    revision: () => store.revision(),
    ids: () => store.ids(),
    revisionsSince: (revision) => store.revisionsSince(revision),
    async changedSince(revision) {
      const changed = await store.changedSince(revision);
      return Promise.all(changed.map(toLocal));
    },
    async get(id) {
      const record = await store.get(id);
      return record ? toLocal(record) : null;
    },
    async image(id, url) {
      const image = await store.image(id, url);
      if (!image) return null;
      return { bytes: new Uint8Array(await image.blob.arrayBuffer()), type: image.blob.type };
    },
    async apply(file: ArticleFile, images, expected) {
      const c = file.content;
      // A body from the server is untrusted like any page's: the one sanitising policy cleans it.
      const prepared = c.html ? await deps.dom.prepare({ html: c.html, baseUrl: c.url }) : null;
      const written = await store.apply(
        {
          record: {
            id: file.id,
            url: c.url,
            canonicalUrl: c.canonicalUrl,
            urlKeys: c.urlKeys,
            host: hostOf(c.canonicalUrl ?? c.url),
            title: file.title.value,
            ...fieldsOf(c.meta),
            status: c.status,
            source: SOURCES.includes(c.source as ArticleSource) ? (c.source as ArticleSource) : 'archive',
            savedAt: c.savedAt,
            updatedAt: now(),
            tags: activeTags(file),
            isRead: file.read.value,
            isArchived: file.archived.value,
            isFavorite: file.favorite.value,
            position: file.position.value as ReadingPosition | null,
          },
          content: { id: file.id, html: prepared?.html ?? '', text: c.text, imageUrls: c.imageUrls },
          images,
          highlights: highlightsOf(file),
        },
        expected,
      );
      if (!written) return false;
      deps.written?.([written], []);
      return written.revision;
    },
    async remove(id, expected) {
      const removed = await store.remove(id, expected);
      if (removed) {
        deps.written?.([], [id]);
      }
      return removed;
    },
  };

  const records: SyncRecords = {
    async cursor() {
      const value = (await store.readState(CURSOR_KEY)) as SyncCursor | undefined;
      return value ?? { libraryRevision: 0, manifest: null, manifestEtag: null };
    },
    setCursor: (cursor) => store.writeState(CURSOR_KEY, cursor).then(() => undefined),
    async shadows() {
      return new Map((await store.shadows()).map((s) => [s.id, s as Shadow]));
    },
    putShadow: (shadow) => store.putShadow(shadow).then(() => undefined),
    deleteShadow: (id) => store.deleteShadow(id),
  };

  return { library, records, store };
}
