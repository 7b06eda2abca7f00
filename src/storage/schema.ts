/**
 * The library's IndexedDB schema, as Dexie versions. Each version lists every store it has; a
 * version that reshapes data carries its `upgrade`, which Dexie runs inside the version-change
 * transaction (so a failed migration leaves the old database untouched). Migrations are tested in
 * tests/unit/storage/schema.test.ts by opening a database written at each older version.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ArticleRecord, ContentRecord, ImageRecord, MetaRecord, TrashRecord } from './types';

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

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export class LibraryDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  contents!: EntityTable<ContentRecord, 'id'>;
  images!: Table<ImageRecord, [string, string]>;
  trash!: EntityTable<TrashRecord, 'token'>;
  meta!: EntityTable<MetaRecord, 'key'>;

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
  }
}
