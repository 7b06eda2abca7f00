/**
 * Counts of the library kept beside it: articles per view, per tag and per site. Every write
 * updates them in its own transaction, so the library page's first screen can show "50 of 9,812"
 * and its filters without reading 10,000 records when the background has just woken.
 */
import type { ArticleRecord } from './types';
import type { LibraryView } from './library-query';

const KEY = 'library-summary';

export interface LibrarySummary {
  library: number;
  views: Record<LibraryView, number>;
  /** Maps, not objects: a tag may be called "__proto__". */
  tags: Map<string, number>;
  sites: Map<string, number>;
}

export function isInView(r: ArticleRecord, view: LibraryView): boolean {
  switch (view) {
    case 'all':
      return !r.isArchived;
    case 'unread':
      return !r.isRead && !r.isArchived;
    case 'archived':
      return r.isArchived;
    case 'favorites':
      return r.isFavorite;
  }
}

const VIEWS: LibraryView[] = ['all', 'unread', 'archived', 'favorites'];

function empty(): LibrarySummary {
  return { library: 0, views: { all: 0, unread: 0, archived: 0, favorites: 0 }, tags: new Map(), sites: new Map() };
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function count(summary: LibrarySummary, r: ArticleRecord, by: 1 | -1): void {
  summary.library += by;
  for (const view of VIEWS) if (isInView(r, view)) summary.views[view] += by;
  for (const tag of r.tags) bump(summary.tags, tag, by);
  if (r.host) bump(summary.sites, r.host, by);
}

export function summarise(records: Iterable<ArticleRecord>): LibrarySummary {
  const summary = empty();
  for (const r of records) count(summary, r, 1);
  return summary;
}

export interface SummaryTables {
  meta: {
    get(key: string): PromiseLike<{ value: unknown } | undefined>;
    put(item: { key: string; value: unknown }): PromiseLike<unknown>;
  };
  articles: { toArray(): PromiseLike<ArticleRecord[]> };
}

/** The meta entry that holds the counts. */
export function summaryEntry(summary: LibrarySummary): { key: string; value: LibrarySummary } {
  return { key: KEY, value: summary };
}

export async function readSummary(tables: Pick<SummaryTables, 'meta'>): Promise<LibrarySummary | null> {
  const value = (await tables.meta.get(KEY))?.value as LibrarySummary | undefined;
  return value && typeof value.library === 'number' && value.tags instanceof Map ? value : null;
}

/**
 * Accounts for a write: `before` are the records as they were (none for new ones), `after` as
 * they are now (none for deleted ones). Call at the end of the write's transaction.
 */
export async function updateSummary(
  tables: SummaryTables,
  before: ArticleRecord[],
  after: ArticleRecord[],
): Promise<void> {
  let summary = await readSummary(tables);
  if (!summary) {
    // First write since the summary existed: count what the database now holds, this write included.
    summary = summarise(await tables.articles.toArray());
  } else {
    for (const r of before) count(summary, r, -1);
    for (const r of after) count(summary, r, 1);
  }
  await tables.meta.put(summaryEntry(summary));
}
