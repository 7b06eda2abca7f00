/**
 * Full-text search over title, byline, site and body with MiniSearch. The index lives in memory
 * while the background runs and is persisted (debounced) in the `meta` store with the library
 * revision it reflects. On load it catches up with what changed since (articles written at a later
 * revision are re-indexed, deleted ones dropped), and it is rebuilt from the articles when missing
 * or unreadable. Writes update it only once it is loaded: until then the catch-up covers them.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { LibraryDb } from './schema';
import type { ArticleId, ArticleRecord } from './types';

interface SearchDoc {
  id: ArticleId;
  title: string;
  byline: string;
  siteName: string;
  text: string;
}

interface PersistedIndex {
  revision: number;
  ids: ArticleId[];
  json: string;
}

const META_KEY = 'search-index';

/** Lower-case and without diacritics, so that "cafe" finds "Café". */
function normaliseTerm(term: string): string | null {
  const folded = term
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  return folded.length > 0 ? folded : null;
}

const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'byline', 'siteName', 'text'],
  storeFields: [],
  processTerm: normaliseTerm,
};

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 4, siteName: 2, byline: 2 },
  combineWith: 'AND',
  // The last word is usually still being typed: match it as a prefix once it says something.
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => (term.length >= 6 ? 1 : false),
  maxFuzzy: 1,
};

export interface SearchHit {
  id: ArticleId;
  score: number;
}

export interface SearchIndexOptions {
  /** How long after the last change the index is written back. */
  persistDelayMs?: number;
}

export function createSearchIndex(db: LibraryDb, options: SearchIndexOptions = {}) {
  const persistDelayMs = options.persistDelayMs ?? 3000;
  let index: MiniSearch<SearchDoc> | null = null;
  let ids = new Set<ArticleId>();
  let revision = 0;
  let loading: Promise<MiniSearch<SearchDoc>> | null = null;
  let persistTimer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function toDocs(records: ArticleRecord[]): Promise<SearchDoc[]> {
    const contents = await db.contents.bulkGet(records.map((r) => r.id));
    return records.map((r, i) => ({
      id: r.id,
      title: r.title,
      byline: r.byline ?? '',
      siteName: [r.siteName, r.host].filter(Boolean).join(' '),
      text: contents[i]?.text ?? '',
    }));
  }

  function put(target: MiniSearch<SearchDoc>, docs: SearchDoc[]): void {
    for (const doc of docs) {
      if (ids.has(doc.id)) target.discard(doc.id);
      target.add(doc);
      ids.add(doc.id);
    }
  }

  async function readPersisted(): Promise<{ index: MiniSearch<SearchDoc>; saved: PersistedIndex } | null> {
    const saved = (await db.meta.get(META_KEY))?.value as PersistedIndex | undefined;
    if (!saved || typeof saved.json !== 'string' || !Array.isArray(saved.ids)) return null;
    try {
      return { index: await MiniSearch.loadJSONAsync<SearchDoc>(saved.json, INDEX_OPTIONS), saved };
    } catch {
      return null; // Unreadable (an older MiniSearch format, a torn write): rebuild below.
    }
  }

  async function load(): Promise<MiniSearch<SearchDoc>> {
    const persisted = await readPersisted();
    const target = persisted?.index ?? new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    ids = new Set(persisted?.saved.ids ?? []);
    const since = persisted?.saved.revision ?? -1;
    // One read transaction: a save landing meanwhile is either in all three answers or in none.
    const [changed, present, current] = await db.transaction('r', [db.articles, db.meta], () =>
      Promise.all([
        db.articles.where('revision').above(since).toArray(),
        db.articles.toCollection().primaryKeys(),
        db.meta.get('revision'),
      ]),
    );
    const alive = new Set(present);
    const gone = [...ids].filter((id) => !alive.has(id));
    for (const id of gone) {
      target.discard(id);
      ids.delete(id);
    }
    for (let i = 0; i < changed.length; i += 500) put(target, await toDocs(changed.slice(i, i + 500)));
    revision = typeof current?.value === 'number' ? current.value : 0;
    index = target;
    if (!persisted || gone.length > 0 || changed.length > 0) schedulePersist();
    return target;
  }

  function ensure(): Promise<MiniSearch<SearchDoc>> {
    if (index) return Promise.resolve(index);
    loading ??= load().finally(() => (loading = null));
    return loading;
  }

  function schedulePersist(): void {
    if (persistTimer) clearTimeout(persistTimer);
    persistTimer = setTimeout(() => void persist(), persistDelayMs);
  }

  async function persist(): Promise<void> {
    persistTimer = null;
    if (!index) return;
    const value: PersistedIndex = { revision, ids: [...ids], json: JSON.stringify(index) };
    try {
      await db.meta.put({ key: META_KEY, value });
    } catch {
      // Out of space for the index: it is rebuilt from the articles next time, nothing is lost.
    }
  }

  /** Runs an update after any load in progress; skipped while nothing is loaded (catch-up covers it). */
  function whenLoaded(update: (target: MiniSearch<SearchDoc>) => Promise<void> | void): Promise<void> {
    const run = async () => {
      const target = index ?? (loading ? await loading : null);
      if (!target) return;
      await update(target);
      schedulePersist();
    };
    const next = queue.then(run, run);
    queue = next;
    return next;
  }

  return {
    /** Loads the index ahead of the first search (the library page asks when it opens). */
    warm: async () => void (await ensure()),

    async search(query: string, limit = 200): Promise<SearchHit[]> {
      const target = await ensure();
      await queue;
      return target
        .search(query, SEARCH_OPTIONS)
        .slice(0, limit)
        .map((r) => ({ id: r.id as ArticleId, score: r.score }));
    },

    /** Indexes saved or updated articles (their text is read from the contents store). */
    upsert: (records: ArticleRecord[]) =>
      whenLoaded(async (target) => {
        put(target, await toDocs(records));
        revision = Math.max(revision, ...records.map((r) => r.revision));
      }),

    remove: (removed: ArticleId[], atRevision: number) =>
      whenLoaded((target) => {
        for (const id of removed) {
          if (ids.delete(id)) target.discard(id);
        }
        revision = Math.max(revision, atRevision);
      }),

    /** Writes the index now (tests, and before the background may be suspended). */
    flush: async () => {
      await queue;
      if (persistTimer) clearTimeout(persistTimer);
      await persist();
    },

    /** Forgets the in-memory index, as a restarted background would. */
    unload: () => {
      if (persistTimer) clearTimeout(persistTimer);
      persistTimer = null;
      index = null;
      ids = new Set();
    },

    get isLoaded() {
      return index !== null;
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
