import type { HighlightRecord } from '../../highlights/types';
import { MessagingError } from '../../shared/messaging/messenger';
import type { HighlightsApi } from './highlights-api';

export interface MockHighlightsApi extends HighlightsApi {
  records: HighlightRecord[];
}

/** In-memory highlights for component tests; `browse` lists them newest first, unfiltered. */
export function createMockHighlightsApi(initial: HighlightRecord[] = [], now = () => Date.now()): MockHighlightsApi {
  const records = [...initial];
  let n = 0;
  const find = (id: string) => {
    const found = records.find((r) => r.id === id);
    if (!found) throw new MessagingError('not-found', 'No such highlight', { reason: 'highlight-gone' });
    return found;
  };
  return {
    records,
    list: async (articleId) => records.filter((r) => r.articleId === articleId),
    async add(req) {
      const time = now();
      const record: HighlightRecord = {
        id: `h${++n}`,
        articleId: req.articleId,
        color: req.color,
        note: req.note ?? '',
        quote: req.quote,
        position: req.position,
        createdAt: time,
        updatedAt: time,
      };
      records.push(record);
      return record;
    },
    async update(id, change) {
      const next = { ...find(id), ...change, updatedAt: now() };
      records.splice(records.indexOf(find(id)), 1, next);
      return next;
    },
    async remove(id) {
      const found = records.find((r) => r.id === id) ?? null;
      if (found) records.splice(records.indexOf(found), 1);
      return found;
    },
    restore: async (highlight) => void records.push(highlight),
    async browse() {
      const items = [...records]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((highlight) => ({
          highlight,
          article: {
            id: highlight.articleId,
            title: highlight.articleId,
            url: 'https://example.com/',
            host: 'example.com',
            tags: [],
          },
          matched: [],
        }));
      return { items, total: items.length, libraryCount: records.length };
    },
  };
}
