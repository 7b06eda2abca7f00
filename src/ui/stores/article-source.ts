/**
 * Where a surface gets its article from: a live tab here, a saved article from the library in
 * `saved-article-source.ts` (`reader.html?id=…`).
 */
import type { ExtractResult } from '../../extract/types';
import type { ExtensionApi } from '../api/extension-api';
import type { ArticleSummary } from '../api/library-api';
import type { HighlightRecord } from '../../highlights/types';

/** A saved article's library entry, for the reader to restore and keep its reading position. */
export interface SavedEntry {
  id: string;
  position: ArticleSummary['position'];
  isRead: boolean;
  /**
   * Its highlights, asked for alongside the article: they are then at hand when its text is first
   * on screen, instead of being asked for only once it is.
   */
  highlights?: Promise<HighlightRecord[]>;
}

export interface LoadedArticle {
  article: ExtractResult;
  /** The live tab the article comes from, for "back to the original" and the side panel. */
  tabId: number | null;
  /** Set when the article comes from the library rather than a live tab. */
  saved?: SavedEntry;
  /** Why a saved entry has nothing to read yet: only its link was saved. */
  isLinkOnly?: boolean;
  /** The page this reader took the place of in its tab ("Always open in reader on this site"). */
  original?: string;
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
