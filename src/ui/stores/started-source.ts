import type { ArticleSource, LoadedArticle } from './article-source';

/**
 * A source whose first plain load is a request already under way (sent before the page's UI
 * had loaded); every later load, and any forced one, asks `then` afresh.
 */
export function startedSource(started: Promise<LoadedArticle | null>, then: ArticleSource): ArticleSource {
  let first: Promise<LoadedArticle | null> | null = started;
  // Handled here so that a failure is not reported unhandled before the store awaits it.
  started.catch(() => undefined);
  return {
    load(options) {
      const pending = first;
      first = null;
      return pending && !options.force ? pending : then.load(options);
    },
  };
}
