import { signal, type ReadonlySignal } from '@preact/signals';
import type { ExtractResult } from '../../extract/types';
import { toApiFailure, type ApiFailure, type ExtensionApi } from '../api/extension-api';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'article'; article: ExtractResult }
  | { status: 'not-article'; reason: string }
  | { status: 'no-tab' }
  | { status: 'error'; failure: ApiFailure };

export interface ArticleStore {
  state: ReadonlySignal<ArticleState>;
  /** Extracts the target tab's article; `force` extracts a page that does not look like one. */
  load(options?: { force?: boolean }): Promise<void>;
}

export function createArticleStore(api: ExtensionApi): ArticleStore {
  const state = signal<ArticleState>({ status: 'loading' });
  let generation = 0;

  async function load({ force = false } = {}): Promise<void> {
    const current = ++generation;
    state.value = { status: 'loading' };
    let next: ArticleState;
    try {
      const tabId = await api.getTargetTabId();
      if (tabId === null) {
        next = { status: 'no-tab' };
      } else {
        const article = await api.extractTab(tabId, { force });
        next = article.isArticle
          ? { status: 'article', article }
          : { status: 'not-article', reason: article.reason ?? '' };
      }
    } catch (error) {
      next = { status: 'error', failure: toApiFailure(error) };
    }
    // A slower, older request must not overwrite the answer to a newer one.
    if (current === generation) state.value = next;
  }

  return { state, load };
}
