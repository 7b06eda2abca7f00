import { signal, type ReadonlySignal } from '@preact/signals';
import type { NotArticleReason } from '../../extract/types';
import { toApiFailure, type ApiFailure } from '../api/extension-api';
import type { ArticleSource, LoadedArticle } from './article-source';

/** Marked when an article (or the reason there is none) arrives: the popup benchmark reads it. */
export const ARTICLE_RECEIVED_MARK = 'tidy-reader:article-received';

export type ArticleState =
  | { status: 'loading' }
  | ({ status: 'article' } & LoadedArticle)
  /** `reason`: the engine's code, `link-only` for a saved link, null when none was given. */
  | { status: 'not-article'; reason: NotArticleReason | 'link-only' | null }
  | { status: 'no-tab' }
  | { status: 'error'; failure: ApiFailure };

export interface ArticleStore {
  state: ReadonlySignal<ArticleState>;
  /** Loads the source's article; `force` extracts a page that does not look like one. */
  load(options?: { force?: boolean }): Promise<void>;
  /** Reads from another source from now on (the side panel following tab switches). */
  setSource(source: ArticleSource): Promise<void>;
}

export function createArticleStore(initialSource: ArticleSource): ArticleStore {
  const state = signal<ArticleState>({ status: 'loading' });
  let source = initialSource;
  let generation = 0;

  async function load({ force = false } = {}): Promise<void> {
    const current = ++generation;
    state.value = { status: 'loading' };
    let next: ArticleState;
    try {
      const loaded = await source.load({ force });
      if (loaded === null) next = { status: 'no-tab' };
      else if (loaded.article.isArticle) next = { status: 'article', ...loaded };
      else next = { status: 'not-article', reason: loaded.isLinkOnly ? 'link-only' : (loaded.article.reason ?? null) };
    } catch (error) {
      next = { status: 'error', failure: toApiFailure(error) };
    }
    // A slower, older request must not overwrite the answer to a newer one.
    if (current !== generation) return;
    performance.mark(ARTICLE_RECEIVED_MARK);
    state.value = next;
  }

  return {
    state,
    load,
    setSource(next) {
      source = next;
      return load();
    },
  };
}
