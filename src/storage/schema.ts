/**
 * The library's IndexedDB schema, as Dexie versions. Each version lists every store it has; a
 * version that reshapes data carries its `upgrade`, which Dexie runs inside the version-change
 * transaction (so a failed migration leaves the old database untouched). Migrations are tested in
 * tests/unit/storage/schema.test.ts by opening a database written at each older version.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { hostOf } from '../shared/host';
import { summaryEntry, summarise } from './library-summary';
import { indexAll, type DocIdRow, type SearchDocRow, type TermIndexTables, type TermRow } from './term-index';
import type { HighlightRecord } from '../highlights/types';
import type {
  ArticleRecord,
  ContentRecord,
  ImageRecord,
  MetaRecord,
  SiteIconRecord,
  SyncShadowRecord,
  ThumbnailRecord,
  TrashRecord,
} from './types';

export const LIBRARY_DB_NAME = 'tidy-reader-library';

/** The first layout kept the body inline in each article record. */
interface ArticleRecordV1 extends Omit<ArticleRecord, 'host' | 'revision'> {
  html: string;
  text: string;
}

/** IndexedDB factory and key range, passed in by tests (fake-indexeddb); the global ones otherwise. */
export interface IndexedDbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export const SCHEMA_V1 = {
  articles: 'id, *urlKeys, savedAt',
  images: '[articleId+url], articleId',
  trash: 'token, deletedAt',
  meta: 'key',
};

/** v2 moves bodies out of `articles` so that listing 10,000 entries reads kilobytes, not megabytes. */
export const SCHEMA_V2 = {
  articles: 'id, *urlKeys, savedAt, revision',
  contents: 'id',
  images: '[articleId+url], articleId',
  trash: 'token, deletedAt',
  meta: 'key',
};

/**
 * v3 replaces the in-memory MiniSearch index (persisted as one JSON value, which took seconds to
 * load at 10,000 articles every time the background woke) with an inverted index in IndexedDB,
 * and keeps the library's counts beside it (the `library-summary` meta entry).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  terms: '[term+shard]',
  docIds: 'shard',
  searchDocs: 'id, &no',
};

/**
 * v4 adds highlights (src/highlights/types.ts), one record each, found by article and listed newest
 * first; nothing older changes shape, so it needs no upgrade.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  highlights: 'id, articleId, createdAt',
};

/**
 * v5 adds the list's pictures: a small thumbnail of each article's lead image (made once, from the
 * stored image) and each site's icon. Only the new stores are named, so that this version stays
 * independent of other versions' stores (Dexie keeps a store a version does not mention).
 */
export const SCHEMA_V5 = {
  thumbnails: 'id',
  siteIcons: 'host',
};

/**
 * v6 adds the sync's own records (src/storage/sync-store.ts): its copy of each article as last
 * synced (`syncShadows`) and its cursor and replica id (`syncState`). Only these two stores are
 * named: Dexie keeps every other store as the versions before declared it.
 */
export const SCHEMA_V6_SYNC = {
  syncShadows: 'id',
  syncState: 'key',
};

export class LibraryDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  contents!: EntityTable<ContentRecord, 'id'>;
  images!: Table<ImageRecord, [string, string]>;
  trash!: EntityTable<TrashRecord, 'token'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  terms!: Table<TermRow, [string, number]>;
  docIds!: Table<DocIdRow, number>;
  searchDocs!: Table<SearchDocRow, string>;
  highlights!: EntityTable<HighlightRecord, 'id'>;
  syncShadows!: EntityTable<SyncShadowRecord, 'id'>;
  syncState!: EntityTable<MetaRecord, 'key'>;
  thumbnails!: EntityTable<ThumbnailRecord, 'id'>;
  siteIcons!: EntityTable<SiteIconRecord, 'host'>;

  constructor(name = LIBRARY_DB_NAME, deps?: IndexedDbDeps) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const articles = tx.table<ArticleRecordV1 | ArticleRecord, string>('articles');
        const old = (await articles.toArray()) as ArticleRecordV1[];
        const images = await tx.table<ImageRecord, [string, string]>('images').toCollection().primaryKeys();
        const imageUrlsOf = (id: string) => images.filter(([articleId]) => articleId === id).map(([, url]) => url);
        await tx
          .table<ContentRecord, string>('contents')
          .bulkPut(old.map(({ id, html, text }) => ({ id, html, text, imageUrls: imageUrlsOf(id) })));
        await articles.bulkPut(
          old.map(({ html: _html, text: _text, ...rest }) => ({
            ...rest,
            host: hostOf(rest.url),
            // Older than any revision the search index has seen: it indexes these anew.
            revision: 0,
          })),
        );
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await tx.table('meta').delete('search-index');
        const tables: TermIndexTables = {
          terms: tx.table('terms'),
          docIds: tx.table('docIds'),
          searchDocs: tx.table('searchDocs'),
          meta: tx.table('meta'),
        };
        const articles = await tx.table<ArticleRecord, string>('articles').toArray();
        await indexAll(tables, articles, tx.table<ContentRecord, string>('contents'));
        await tx.table('meta').put(summaryEntry(summarise(articles)));
      });
    this.version(4).stores(SCHEMA_V4);
    // No data to move: articles saved before get their thumbnail when the list first shows them.
    this.version(5).stores(SCHEMA_V5);
    // Sync starts from nothing: the first sync compares every article with the server.
    this.version(6).stores(SCHEMA_V6_SYNC);
  }

  /** The tables of the full-text index, for writes that keep it in step. */
  get termIndex(): TermIndexTables {
    return { terms: this.terms, docIds: this.docIds, searchDocs: this.searchDocs, meta: this.meta };
  }
}
