/**
 * Highlights as the background serves them: the reader's reads and writes, and the library's
 * Highlights view (every highlight with its article, filtered and searched in memory: the list
 * is kept once read, and forgotten after any write).
 */
import { badHighlightField, isHighlightColor, type HighlightRecord } from '../../highlights/types';
import type {
  HighlightBrowseRequest,
  HighlightBrowseResult,
  HighlightChange,
  HighlightEntry,
  NewHighlightRequest,
} from '../../shared/messaging/highlight-protocol';
import { LibraryError } from '../../storage/errors';
import { createHighlightRepository } from '../../storage/highlight-repository';
import type { LibraryDb } from '../../storage/schema';
import { normaliseTerm } from '../../storage/search-terms';
import type { ArticleId, ArticleRecord } from '../../storage/types';

export interface HighlightServiceDeps {
  db: LibraryDb;
  /** The library's article records, held in memory by the library service. */
  records: () => Promise<Map<ArticleId, ArticleRecord>>;
  now?: () => number;
  /** Told of every write: the library's list shows each article's count of highlights. */
  changed?: () => void;
}

/** Folded the way the search index folds words: case and accents do not count. */
function fold(text: string): string {
  return normaliseTerm(text).replace(/\s+/g, ' ');
}

/** A request's fields checked: payloads come over a channel, and records must stay well formed. */
function checkChange(change: HighlightChange): HighlightChange {
  if (change.color !== undefined && !isHighlightColor(change.color)) {
    throw new LibraryError('bad-request', 'highlight-invalid', ['color']);
  }
  if (change.note !== undefined && typeof change.note !== 'string') {
    throw new LibraryError('bad-request', 'highlight-invalid', ['note']);
  }
  return change;
}

export function createHighlightService(deps: HighlightServiceDeps) {
  const repo = createHighlightRepository(deps.db, { now: deps.now });
  /** Every highlight, newest first, with its text and note folded once for searching. */
  let all: { highlight: HighlightRecord; quote: string; note: string }[] | null = null;

  const forget = () => void (all = null);
  const wrote = () => {
    forget();
    deps.changed?.();
  };

  async function browse(req: HighlightBrowseRequest): Promise<HighlightBrowseResult> {
    all ??= (await repo.all()).map((highlight) => ({
      highlight,
      quote: fold(highlight.quote.exact),
      note: fold(highlight.note),
    }));
    const records = await deps.records();
    const words = fold(req.search ?? '')
      .split(' ')
      .filter(Boolean);
    const tag = req.tag?.toLocaleLowerCase() ?? null;
    const items: HighlightEntry[] = [];
    for (const { highlight, quote, note } of all) {
      if (req.color && highlight.color !== req.color) continue;
      const article = records.get(highlight.articleId);
      if (!article) continue;
      if (tag !== null && !article.tags.some((t) => t.toLocaleLowerCase() === tag)) continue;
      const matched: HighlightEntry['matched'] = [];
      if (words.length > 0) {
        // Every word must be found, in the highlighted text or in the note.
        if (!words.every((w) => quote.includes(w) || note.includes(w))) continue;
        if (words.some((w) => quote.includes(w))) matched.push('quote');
        if (words.some((w) => note.includes(w))) matched.push('note');
      }
      items.push({
        highlight,
        article: { id: article.id, title: article.title, url: article.url, host: article.host, tags: article.tags },
        matched,
      });
    }
    const offset = req.offset ?? 0;
    return { items: items.slice(offset, offset + (req.limit ?? 50)), total: items.length, libraryCount: all.length };
  }

  return {
    repo,
    forget,
    list: (articleId: string) => repo.listFor(articleId),

    async add(req: NewHighlightRequest): Promise<HighlightRecord> {
      const { articleId, color, note = '', quote, position } = req;
      // Checked as the stored record will be, with the fields the repository adds.
      const bad = badHighlightField({ id: 'new', articleId, color, note, quote, position, createdAt: 0, updatedAt: 0 });
      if (bad !== null) throw new LibraryError('bad-request', 'highlight-invalid', [bad]);
      const record = await repo.add({ articleId, color, note, quote, position });
      wrote();
      return record;
    },

    async update(id: string, change: HighlightChange): Promise<HighlightRecord> {
      const record = await repo.update(id, checkChange(change));
      wrote();
      return record;
    },

    async remove(id: string): Promise<{ deleted: HighlightRecord | null }> {
      const deleted = await repo.remove(id);
      wrote();
      return { deleted };
    },

    async restore(highlight: HighlightRecord): Promise<{ restored: number }> {
      const bad = badHighlightField(highlight);
      if (bad !== null) throw new LibraryError('bad-request', 'highlight-invalid', [bad]);
      const restored = await repo.putAll([highlight]);
      wrote();
      return { restored };
    },

    browse,
  };
}

export type HighlightService = ReturnType<typeof createHighlightService>;
