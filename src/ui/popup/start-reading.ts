/**
 * The popup's first act: asking the background for the target tab's article. It imports only the
 * small part of the runtime API that does this, so it runs before the rest of the popup has loaded.
 */
import { runtimeExtractTab, runtimeTargetTabId } from '../api/runtime-tab-reading';
import type { LoadedArticle } from '../stores/article-source';

/** Marked when the popup sends its extraction request: the popup benchmark splits its time with it. */
export const ARTICLE_REQUESTED_MARK = 'tidy-reader:article-requested';

/** Resolves null when there is no tab to read; rejects as `ExtensionApi.extractTab` does. */
export async function startReading(location: Location): Promise<LoadedArticle | null> {
  const tabId = await runtimeTargetTabId(location);
  if (tabId === null) return null;
  performance.mark(ARTICLE_REQUESTED_MARK);
  return { article: await runtimeExtractTab(tabId), tabId };
}
