import { useEffect, useMemo } from 'preact/hooks';
import { ArticleStateView } from '../components/ArticleStateView';
import { createArticleStore } from '../stores/createArticleStore';
import { useApi } from '../stores/context';
import { ReadingSurface } from './ReadingSurface';
import { resolveReaderSource } from './reader-sources';
import { readContinuesReadAloud, readQueueParams } from '../../shared/reader-url';

/**
 * `reader.html?tabId=N`: the article of a live tab in the extension's own page; `?id=…` a saved
 * one, with the library list it was opened from (`view`, `tag`, `site`, `q`, `sort`).
 */
export function ReaderPage({ search }: { search: string }) {
  const api = useApi();
  const source = useMemo(() => resolveReaderSource(api, search), [api, search]);
  const store = useMemo(() => (source ? createArticleStore(source) : null), [source]);
  const queue = useMemo(() => readQueueParams(search), [search]);
  useEffect(() => void store?.load(), [store]);
  if (!store) {
    return (
      <main class="surface__content status">
        <h1>{api.t('readerNothingTitle')}</h1>
        <p>{api.t('readerNothing')}</p>
      </main>
    );
  }
  const state = store.state.value;
  if (state.status === 'article') {
    return (
      <ReadingSurface
        surface="reader"
        loaded={state}
        queue={queue}
        continuesReadAloud={readContinuesReadAloud(search)}
      />
    );
  }
  return (
    <main class="surface__content">
      <ArticleStateView store={store} renderArticle={() => <></>} />
    </main>
  );
}
