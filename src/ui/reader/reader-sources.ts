/**
 * Which article the reader page shows, from its address. `?tabId=N` reads a live tab; the library
 * (issue 5) adds `?id=<saved id>` with a resolver of its own in this list.
 */
import type { ExtensionApi } from '../api/extension-api';
import { readTabIdParam } from '../api/extension-api';
import { createTabSource, type ArticleSource } from '../stores/article-source';

type SourceResolver = (api: ExtensionApi, params: URLSearchParams, search: string) => ArticleSource | null;

const RESOLVERS: SourceResolver[] = [
  (api, _params, search) => {
    const tabId = readTabIdParam(search);
    return tabId === null ? null : createTabSource(api, async () => tabId);
  },
];

export function resolveReaderSource(api: ExtensionApi, search: string): ArticleSource | null {
  const params = new URLSearchParams(search);
  for (const resolve of RESOLVERS) {
    const source = resolve(api, params, search);
    if (source) return source;
  }
  return null;
}
