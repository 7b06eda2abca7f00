/**
 * Which article the reader page shows, from its address: `?tabId=N` reads a live tab, `?id=<id>`
 * a saved article from the library.
 */
import type { ExtensionApi } from '../api/extension-api';
import { readTabIdParam } from '../api/extension-api';
import { readSavedIdParam } from '../../shared/reader-url';
import { createTabSource, type ArticleSource } from '../stores/article-source';
import { createSavedArticleSource } from '../stores/saved-article-source';

type SourceResolver = (api: ExtensionApi, search: string) => ArticleSource | null;

const RESOLVERS: SourceResolver[] = [
  (api, search) => {
    const tabId = readTabIdParam(search);
    return tabId === null ? null : createTabSource(api, async () => tabId);
  },
  (api, search) => {
    const id = readSavedIdParam(search);
    return id === null ? null : createSavedArticleSource(api, id);
  },
];

export function resolveReaderSource(api: ExtensionApi, search: string): ArticleSource | null {
  for (const resolve of RESOLVERS) {
    const source = resolve(api, search);
    if (source) return source;
  }
  return null;
}
