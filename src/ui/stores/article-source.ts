/**
 * Where a surface gets its article from. A live tab today; the library (issue 5) adds a source
 * for saved articles (`reader.html?id=…`) by implementing the same interface.
 */
import type { ExtractResult } from '../../extract/types';
import type { ExtensionApi } from '../api/extension-api';

export interface LoadedArticle {
  article: ExtractResult;
  /** The live tab the article comes from, for "back to the original" and the side panel. */
  tabId: number | null;
}

export interface ArticleSource {
  /** Resolves null when there is nothing to read (no tab in this window). */
  load(options: { force: boolean }): Promise<LoadedArticle | null>;
}

/** Reads the tab that `resolveTabId` names when asked (the target tab, the active tab…). */
export function createTabSource(api: ExtensionApi, resolveTabId: () => Promise<number | null>): ArticleSource {
  return {
    async load({ force }) {
      const tabId = await resolveTabId();
      if (tabId === null) return null;
      return { article: await api.extractTab(tabId, { force }), tabId };
    },
  };
}

/** The target tab of a page: `?tabId=N`, else the active tab of its window. */
export function createTargetTabSource(api: ExtensionApi): ArticleSource {
  return createTabSource(api, () => api.getTargetTabId());
}
