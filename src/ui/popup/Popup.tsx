import { useEffect, useMemo } from 'preact/hooks';
import { createArticleStore } from '../stores/createArticleStore';
import { useApi } from '../stores/context';
import { ArticleStateView } from '../components/ArticleStateView';

export function Popup() {
  const api = useApi();
  const store = useMemo(() => createArticleStore(api), [api]);
  useEffect(() => {
    void store.load();
  }, [store]);
  return (
    <main class="popup">
      <ArticleStateView store={store} />
    </main>
  );
}
