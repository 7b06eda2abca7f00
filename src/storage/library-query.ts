/**
 * Filtering, sorting and paging of the library list. Runs on an in-memory copy of the article
 * summaries (10,000 of them are a few megabytes): one read per background start, then every
 * filter, sort and facet is a pass over an array instead of an IndexedDB scan.
 */
import { isInView as inView } from './library-summary';
import type { ArticleRecord } from './types';

export type LibraryView = 'all' | 'unread' | 'archived' | 'favorites';
export type LibrarySort = 'newest' | 'oldest' | 'title' | 'site' | 'shortest' | 'longest';

export interface LibraryQuery {
  /** `all` hides archived articles, like a reading list; `archived` shows only them. */
  view?: LibraryView;
  tag?: string | null;
  site?: string | null;
  /** Ids in relevance order, from the search index; null when not searching. */
  matches?: string[] | null;
  sort?: LibrarySort | 'relevance';
  offset?: number;
  limit?: number;
}

export interface Facet {
  name: string;
  count: number;
}

export interface QueryResult {
  items: ArticleRecord[];
  total: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<LibrarySort, (a: ArticleRecord, b: ArticleRecord) => number> = {
  newest: (a, b) => b.savedAt - a.savedAt,
  oldest: (a, b) => a.savedAt - b.savedAt,
  title: (a, b) => collator.compare(a.title, b.title),
  site: (a, b) => collator.compare(a.siteName ?? a.host, b.siteName ?? b.host) || b.savedAt - a.savedAt,
  shortest: (a, b) => a.readingMinutes - b.readingMinutes || b.savedAt - a.savedAt,
  longest: (a, b) => b.readingMinutes - a.readingMinutes || b.savedAt - a.savedAt,
};

/**
 * The query's articles in its order, unpaged. `keepId` stays in whatever its state (the article
 * being read, which reaching its end has just taken out of the unread view).
 */
export function orderedLibrary(
  all: readonly ArticleRecord[],
  query: LibraryQuery,
  byId: ReadonlyMap<string, ArticleRecord>,
  keepId: string | null = null,
): ArticleRecord[] {
  const view = query.view ?? 'all';
  const tag = query.tag?.toLocaleLowerCase() ?? null;
  const keep = (r: ArticleRecord) =>
    r.id === keepId ||
    (inView(r, view) &&
      (tag === null || r.tags.some((t) => t.toLocaleLowerCase() === tag)) &&
      (!query.site || r.host === query.site));
  if (query.matches) {
    const items = query.matches.map((id) => byId.get(id)).filter((r): r is ArticleRecord => !!r && keep(r));
    if (query.sort && query.sort !== 'relevance') items.sort(COMPARE[query.sort]);
    return items;
  }
  return all.filter(keep).sort(COMPARE[query.sort && query.sort !== 'relevance' ? query.sort : 'newest']);
}

export function queryLibrary(
  all: readonly ArticleRecord[],
  query: LibraryQuery,
  byId: ReadonlyMap<string, ArticleRecord> = new Map(all.map((r) => [r.id, r])),
): QueryResult {
  return pageOf(orderedLibrary(all, query, byId), query);
}

/** The query's page of a list already filtered and in order. */
export function pageOf(ordered: readonly ArticleRecord[], query: Pick<LibraryQuery, 'offset' | 'limit'>): QueryResult {
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(Math.max(1, query.limit ?? 50), 500);
  return { items: ordered.slice(offset, offset + limit), total: ordered.length };
}

/**
 * What to read after `currentId` in the query's order: the first unread, unarchived article after
 * it, going round to the start; null when none is left. The current article keeps its place even
 * once it has left the list (read to its end in the unread view); when it is not in the list at
 * all, the list is read from its start.
 */
export function nextUnread(
  all: readonly ArticleRecord[],
  query: LibraryQuery,
  currentId: string,
  byId: ReadonlyMap<string, ArticleRecord> = new Map(all.map((r) => [r.id, r])),
): ArticleRecord | null {
  const items = orderedLibrary(all, query, byId, currentId);
  const at = items.findIndex((r) => r.id === currentId);
  const isNext = (r: ArticleRecord) => r.id !== currentId && !r.isRead && !r.isArchived;
  return [...items.slice(at + 1), ...items.slice(0, Math.max(0, at))].find(isNext) ?? null;
}

/** Tags and sites with their counts, commonest first. */
export function facetsFromCounts(counts: { tags: ReadonlyMap<string, number>; sites: ReadonlyMap<string, number> }): {
  tags: Facet[];
  sites: Facet[];
} {
  const sorted = (m: ReadonlyMap<string, number>) =>
    [...m]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  return { tags: sorted(counts.tags), sites: sorted(counts.sites) };
}

export function facetsOf(all: readonly ArticleRecord[]): { tags: Facet[]; sites: Facet[] } {
  const tags = new Map<string, number>();
  const sites = new Map<string, number>();
  for (const r of all) {
    for (const t of r.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    if (r.host) sites.set(r.host, (sites.get(r.host) ?? 0) + 1);
  }
  return facetsFromCounts({ tags, sites });
}
