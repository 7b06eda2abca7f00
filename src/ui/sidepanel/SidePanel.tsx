import { useEffect, useMemo } from 'preact/hooks';
import { readTabIdParam } from '../api/extension-api';
import { ArticleStateView } from '../components/ArticleStateView';
import { ReadingSurface } from '../reader/ReadingSurface';
import { createTabSource } from '../stores/article-source';
import { createArticleStore } from '../stores/createArticleStore';
import { useApi } from '../stores/context';

/**
 * The article of the window's active tab, following tab switches and navigations. `?tabId=N`
 * pins it to one tab (used when the page is opened as a tab, as the tests do).
 */
export function SidePanel({ search }: { search: string }) {
  const api = useApi();
  const pinned = readTabIdParam(search);
  const store = useMemo(
    () => createArticleStore(createTabSource(api, async () => pinned)),
    // The pinned tab never changes for the life of the page.
    [api],
  );
  useEffect(() => {
    if (pinned !== null) {
      void store.load();
      return undefined;
    }
    return api.watchActiveTab((tabId) => void store.setSource(createTabSource(api, async () => tabId)));
  }, [api, store, pinned]);

  const state = store.state.value;
  if (state.status === 'article') return <ReadingSurface surface="sidepanel" loaded={state} />;
  return (
    <main class="surface__content">
      <ArticleStateView store={store} renderArticle={() => <></>} accessHint={api.t('sidePanelAccessHint')} />
    </main>
  );
}
