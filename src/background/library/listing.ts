/**
 * The library list as pages ask for it: filtered, sorted, searched and paged. From the in-memory
 * list when the background has it, else (just woken) from indexes and the stored counts when the
 * query allows, so the first screen does not wait for 10,000 records to be read.
 */
import { facetsFromCounts, facetsOf, nextUnread, queryLibrary, type LibraryQuery } from '../../storage/library-query';
import { isInView, readSummary, type LibrarySummary } from '../../storage/library-summary';
import { createHighlightRepository } from '../../storage/highlight-repository';
import type { LibraryDb } from '../../storage/schema';
import type { SearchIndex } from '../../storage/search-index';
import type { ArticleRecord } from '../../storage/types';
import type { ArticleSummary, ListRequest, ListResult, ReadingQueue } from '../../shared/messaging/library-protocol';

/** A search lists its best matches: more than anyone pages through, few enough to read by id. */
const MAX_MATCHES = 500;

/** A record as pages see it: the storage bookkeeping left out. */
export function toSummary({ urlKeys: _k, revision: _r, ...summary }: ArticleRecord): ArticleSummary {
  return summary;
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
}

export function createListing(deps: ListingDeps) {
  const { search, records } = deps;
  /** The stored counts, read once and forgotten at every write. */
  let summary: Promise<LibrarySummary | null> | null = null;
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
      return { items: items.map(toSummary), total, ...base };
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
    return { items: items.map(toSummary), total: summary.views[view], ...base };
  }

  async function list(req: ListRequest): Promise<ListResult> {
    return withHighlightCounts(deps.db, await listWithout(req));
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
    const values = [...all.values()];
    const { items, total } = queryLibrary(values, libraryQuery, all);
    const facets = summary ? facetsFromCounts(summary) : facetsOf(values);
    return { items: items.map(toSummary), total, libraryCount: all.size, ...facets };
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
    forget(): void {
      summary = null;
    },
  };
}
