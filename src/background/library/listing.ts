/**
 * The library list as pages ask for it: filtered, sorted, searched and paged. From the in-memory
 * list when the background has it, else (just woken) from indexes and the stored counts when the
 * query allows, so the first screen does not wait for 10,000 records to be read.
 */
import {
  facetsFromCounts,
  facetsOf,
  nextUnread,
  orderedLibrary,
  pageOf,
  queryLibrary,
  type LibraryQuery,
} from '../../storage/library-query';
import { isInView, readSummary, type LibrarySummary } from '../../storage/library-summary';
import { clipExcerpt } from '../../shared/library/clip-excerpt';
import { createHighlightRepository } from '../../storage/highlight-repository';
import type { LibraryDb } from '../../storage/schema';
import type { SearchIndex } from '../../storage/search-index';
import type { ArticleRecord } from '../../storage/types';
import type {
  ArticleSummary,
  ListPicture,
  ListRequest,
  ListResult,
  ReadingQueue,
} from '../../shared/messaging/library-protocol';

/** A search lists its best matches: more than anyone pages through, few enough to read by id. */
const MAX_MATCHES = 500;

/** A record as pages see it: the storage bookkeeping left out. */
export function toSummary({ urlKeys: _k, revision: _r, ...summary }: ArticleRecord): ArticleSummary {
  return summary;
}

/** A record as the list shows it: its excerpt no longer than two lines of a row can show. */
function toListItem(record: ArticleRecord): ArticleSummary {
  const summary = toSummary(record);
  return { ...summary, excerpt: clipExcerpt(summary.excerpt) };
}

/** The page's articles with their highlight counts (one indexed read for the page). */
async function withHighlightCounts(db: LibraryDb, result: ListResult): Promise<ListResult> {
  if (result.items.length === 0) return result;
  const counts = await createHighlightRepository(db).counts(result.items.map((item) => item.id));
  const items = result.items.map((item) => (counts[item.id] ? { ...item, highlightCount: counts[item.id] } : item));
  return { ...result, items };
}

export interface ListingDeps {
  db: LibraryDb;
  search: SearchIndex;
  records: () => Promise<Map<string, ArticleRecord>>;
  isInMemory: () => boolean;
  picturesOf: (articles: ArticleSummary[]) => Promise<ListPicture[]>;
}

export function createListing(deps: ListingDeps) {
  const { search, records } = deps;
  /** The stored counts, read once and forgotten at every write. */
  let summary: Promise<LibrarySummary | null> | null = null;
  /**
   * The last list filtered and sorted from memory, until the next write: paging through 10,000
   * articles sorts them once, not once a page (the background shares the machine with the page
   * being scrolled).
   */
  let lastOrder: { key: string; items: ArticleRecord[] } | null = null;
  function orderOf(all: Map<string, ArticleRecord>, query: LibraryQuery): ArticleRecord[] {
    const key = JSON.stringify([query.view ?? 'all', query.tag ?? null, query.site ?? null, query.sort, query.matches]);
    if (lastOrder?.key !== key) lastOrder = { key, items: orderedLibrary([...all.values()], query, all) };
    return lastOrder.items;
  }
  const counts = () => (summary ??= readSummary(deps.db));
  /**
   * The list without every record in memory, when the query allows: search hits read by id, or
   * the newest (or oldest) of a view read in order from the `savedAt` index.
   */
  async function quickList(query: LibraryQuery, summary: LibrarySummary): Promise<ListResult | null> {
    const facets = facetsFromCounts(summary);
    const base = { libraryCount: summary.library, ...facets };
    if (query.matches) {
      const found = (await deps.db.articles.bulkGet(query.matches)).filter((r): r is ArticleRecord => !!r);
      const { items, total } = queryLibrary(found, query);
      return { items: items.map(toListItem), total, ...base };
    }
    if (query.tag || query.site || (query.sort !== 'newest' && query.sort !== 'oldest')) return null;
    const view = query.view ?? 'all';
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.min(Math.max(1, query.limit ?? 50), 500);
    const ordered = deps.db.articles.orderBy('savedAt');
    const items = await (query.sort === 'newest' ? ordered.reverse() : ordered)
      .filter((r) => isInView(r, view))
      .offset(offset)
      .limit(limit)
      .toArray();
    return { items: items.map(toListItem), total: summary.views[view], ...base };
  }

  /** A page of the list; with `withPictures`, the first screen's pictures read alongside its counts. */
  async function list(req: ListRequest): Promise<ListResult> {
    const result = await listWithout(req);
    const shown = result.items.slice(0, Math.max(0, req.withPictures ?? 0));
    const [counted, pictures] = await Promise.all([
      withHighlightCounts(deps.db, result),
      shown.length > 0 ? deps.picturesOf(shown) : null,
    ]);
    return pictures ? { ...counted, pictures } : counted;
  }

  /** The search's best matches in relevance order, or null when not searching. */
  async function matchesOf(text: string | undefined): Promise<string[] | null> {
    const query = text?.trim() ?? '';
    return query ? (await search.search(query, MAX_MATCHES)).map((h) => h.id) : null;
  }

  async function listWithout(req: ListRequest): Promise<ListResult> {
    const summary = await counts();
    const matches = await matchesOf(req.search);
    const libraryQuery = {
      view: req.view,
      tag: req.tag,
      site: req.site,
      matches,
      sort: req.sort ?? (matches ? ('relevance' as const) : ('newest' as const)),
      offset: req.offset,
      limit: req.limit,
    };
    if (!deps.isInMemory() && summary) {
      // The background has just woken: answer from indexes and the stored counts. The whole list
      // is read when the page asks to warm up, after its first screen, or by a query that needs it.
      const quick = await quickList(libraryQuery, summary);
      if (quick) return quick;
    }
    const all = await records();
    const { items, total } = pageOf(orderOf(all, libraryQuery), libraryQuery);
    const facets = summary ? facetsFromCounts(summary) : facetsOf([...all.values()]);
    return { items: items.map(toListItem), total, libraryCount: all.size, ...facets };
  }

  /** Reads every record (as sorts other than by date do): the next one may be anywhere in the order. */
  async function findNext(after: string, queue: ReadingQueue): Promise<ArticleSummary | null> {
    const matches = await matchesOf(queue.search);
    const all = await records();
    const sort = queue.sort ?? (matches ? 'relevance' : 'newest');
    const found = nextUnread([...all.values()], { ...queue, matches, sort }, after, all);
    return found ? toSummary(found) : null;
  }

  return {
    list,
    findNext,
    /** After every write: the counts and the order are read again. */
    forget(): void {
      summary = null;
      lastOrder = null;
    },
  };
}
