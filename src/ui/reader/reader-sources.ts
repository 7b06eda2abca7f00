/**
 * Which article the reader page shows, from its address: `?tabId=N` reads a live tab, `?id=<id>`
 * a saved article from the library, `?page=<address>` the article of the page it took the place
 * of in its tab ("Always open in reader on this site").
 */
import type { ExtensionApi } from '../api/extension-api';
import { readTabIdParam } from '../api/extension-api';
import { readPageParam, readSavedIdParam } from '../../shared/reader-url';
import { createTabSource, type ArticleSource } from '../stores/article-source';
import { createSavedArticleSource } from '../stores/saved-article-source';

type SourceResolver = (api: ExtensionApi, search: string) => ArticleSource | null;

const RESOLVERS: SourceResolver[] = [
  (api, search) => {
    const tabId = readTabIdParam(search);
    return tabId === null ? null : createTabSource(api, async () => tabId);
  },
  (api, search) => {
    const page = readPageParam(search);
    return page === null ? null : createReplacedPageSource(api, page);
  },
  (api, search) => {
    const id = readSavedIdParam(search);
    return id === null ? null : createSavedArticleSource(api, id);
  },
];

/**
 * The article the background kept when the reader took the page's place. Gone (the browser was
 * restarted since), the reader gives the tab back to the page.
 */
function createReplacedPageSource(api: ExtensionApi, page: string): ArticleSource {
  return {
    async load() {
      const article = await api.alwaysReader.articleFor(page);
      if (article) return { article, tabId: null, original: page };
      await api.alwaysReader.showOriginal(page);
      return null;
    },
  };
}

export function resolveReaderSource(api: ExtensionApi, search: string): ArticleSource | null {
  for (const resolve of RESOLVERS) {
    const source = resolve(api, search);
    if (source) return source;
  }
  return null;
}
