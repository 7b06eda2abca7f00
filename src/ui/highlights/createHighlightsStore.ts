/**
 * The highlights of the article on a reading surface: loaded from the library, anchored in the
 * rendered body's text, added, edited and deleted through the API. Highlights belong to the
 * saved copy: highlighting an article that is not saved yet saves it first (and says so).
 */
import { computed, signal } from '@preact/signals';
import { anchorAll, describeSpan } from '../../highlights/anchor-text';
import type { HighlightColor, HighlightRecord, TextSpan } from '../../highlights/types';
import type { ExtractResult } from '../../extract/types';
import type { ExtensionApi } from '../api/extension-api';
import { toApiFailure } from '../api/extension-api';
import { failureText } from '../i18n';

export interface HighlightsStoreOptions {
  article: ExtractResult;
  tabId: number | null;
  /** The library entry when the surface shows a saved article. */
  savedId: string | null;
  /** The saved article's highlights, when they were asked for with it (taken by the first load). */
  savedHighlights?: Promise<HighlightRecord[]>;
  announce(text: string): void;
}

export function createHighlightsStore(api: ExtensionApi, options: HighlightsStoreOptions) {
  const { t } = api;
  const records = signal<HighlightRecord[]>([]);
  const text = signal('');
  const articleId = signal<string | null>(options.savedId);
  /** The highlight looked at (panel, next/previous), drawn apart. */
  const current = signal<string | null>(null);
  /** The highlight whose editor is open. */
  const editing = signal<string | null>(null);
  const lastColor = signal<HighlightColor>('yellow');
  /** The last deletion, for "Undo". */
  const deleted = signal<HighlightRecord | null>(null);
  const anchoring = computed(() =>
    text.value ? anchorAll(text.value, records.value) : { anchored: [], orphaned: [] },
  );
  let saving: Promise<string> | null = null;

  const fail = (error: unknown) => options.announce(failureText(t, toApiFailure(error)));

  let asked = options.savedId !== null ? options.savedHighlights : undefined;

  async function load(): Promise<void> {
    try {
      if (articleId.value === null) articleId.value = (await api.library.findSaved(options.article.url))?.id ?? null;
      const early = asked;
      asked = undefined;
      if (articleId.value !== null) records.value = await (early ?? api.highlights.list(articleId.value));
    } catch {
      // Nothing to show: the article reads as before.
    }
  }

  /** The saved copy's id, saving the live article first when it has none. */
  function ensureSaved(): Promise<string> {
    if (articleId.value !== null) return Promise.resolve(articleId.value);
    const tabId = options.tabId;
    if (tabId === null) return Promise.reject(new Error('Nothing to save the highlight with'));
    saving ??= api.library.saveTab(tabId).then(
      async (result) => {
        articleId.value = result.id;
        options.announce(t('highlightSavedArticle'));
        records.value = [...(await api.highlights.list(result.id)), ...records.value];
        return result.id;
      },
      (error: unknown) => {
        saving = null;
        throw error;
      },
    );
    return saving;
  }

  return {
    records,
    text,
    articleId,
    current,
    editing,
    lastColor,
    deleted,
    anchored: computed(() => anchoring.value.anchored),
    orphaned: computed(() => anchoring.value.orphaned),
    load,

    async add(span: TextSpan, color: HighlightColor, note = ''): Promise<HighlightRecord | null> {
      lastColor.value = color;
      try {
        const id = await ensureSaved();
        const record = await api.highlights.add({
          articleId: id,
          color,
          note,
          ...describeSpan(text.value, span.start, span.end),
        });
        records.value = [...records.value, record];
        current.value = record.id;
        options.announce(t('highlightAdded'));
        return record;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    async update(id: string, change: { color?: HighlightColor; note?: string }): Promise<void> {
      try {
        const next = await api.highlights.update(id, change);
        records.value = records.value.map((r) => (r.id === id ? next : r));
        if (change.color) lastColor.value = change.color;
      } catch (error) {
        fail(error);
      }
    },

    async remove(id: string): Promise<void> {
      try {
        const gone = await api.highlights.remove(id);
        records.value = records.value.filter((r) => r.id !== id);
        if (current.value === id) current.value = null;
        deleted.value = gone;
        options.announce(t('highlightDeleted'));
      } catch (error) {
        fail(error);
      }
    },

    async undoRemove(): Promise<void> {
      const gone = deleted.value;
      if (!gone) return;
      try {
        await api.highlights.restore(gone);
        records.value = [...records.value, gone];
        deleted.value = null;
      } catch (error) {
        fail(error);
      }
    },

    /** The next or previous highlight from the current one, in reading order. */
    step(direction: 1 | -1): HighlightRecord | null {
      const list = anchoring.value.anchored;
      if (list.length === 0) return null;
      const at = list.findIndex((a) => a.highlight.id === current.value);
      const next = at === -1 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
      const found = list[next]!.highlight;
      current.value = found.id;
      return found;
    },
  };
}

export type HighlightsStore = ReturnType<typeof createHighlightsStore>;
