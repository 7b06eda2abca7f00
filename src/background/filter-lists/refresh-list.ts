/**
 * Downloads one list, politely: the server's ETag and Last-Modified go back as `If-None-Match`
 * and `If-Modified-Since`, so an unchanged list costs a 304. A failed download keeps the rules
 * the reader already has and records why, for the settings page.
 */
import type { FilterListError } from '../../shared/filter-list-types';
import type { KeptRules } from '../../filter-lists/list-runtime';

/** What the background keeps about one list beside its rules. */
export interface ListRecord {
  enabled: boolean;
  etag: string | null;
  lastModified: string | null;
  updatedAt: number | null;
  checkedAt: number | null;
  rules: number;
  error: FilterListError | null;
}

export function emptyRecord(): ListRecord {
  return { enabled: false, etag: null, lastModified: null, updatedAt: null, checkedAt: null, rules: 0, error: null };
}

export interface RefreshOutcome {
  record: ListRecord;
  /** The kept rules, one a line, when they changed; absent when the old ones stand. */
  rules?: string;
}

export interface RefreshOptions {
  /** Keeps the plain element hiding rules of a list text (the parser is loaded on demand). */
  parse: (text: string) => Promise<KeptRules>;
  fetch?: typeof fetch;
  now?: number;
}

export async function refreshList(url: string, record: ListRecord, options: RefreshOptions): Promise<RefreshOutcome> {
  const now = options.now ?? Date.now();
  const get = options.fetch ?? fetch;
  const failed = (error: Omit<FilterListError, 'at'>): RefreshOutcome => ({
    record: { ...record, checkedAt: now, error: { ...error, at: now } },
  });
  // Validators only make sense when we still hold what they describe.
  const headers: Record<string, string> = {};
  if (record.updatedAt !== null) {
    if (record.etag) headers['If-None-Match'] = record.etag;
    if (record.lastModified) headers['If-Modified-Since'] = record.lastModified;
  }
  let response: Response;
  try {
    // Our own validators, not the HTTP cache's: a 304 must reach us as a 304.
    response = await get(url, { headers, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  } catch {
    return failed({ kind: 'network' });
  }
  if (response.status === 304) return { record: { ...record, checkedAt: now, error: null } };
  if (!response.ok) return failed({ kind: 'http', status: response.status });
  let text: string;
  try {
    text = await response.text();
  } catch {
    return failed({ kind: 'network' });
  }
  let kept: KeptRules;
  try {
    kept = await options.parse(text);
  } catch {
    return failed({ kind: 'empty' });
  }
  if (kept.hides === 0) return failed({ kind: 'empty' });
  return {
    record: {
      ...record,
      etag: response.headers.get('ETag'),
      lastModified: response.headers.get('Last-Modified'),
      updatedAt: now,
      checkedAt: now,
      rules: kept.hides,
      error: null,
    },
    rules: kept.lines.join('\n'),
  };
}
