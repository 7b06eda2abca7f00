import { useEffect, useMemo, useState } from 'preact/hooks';
import { ActionBar, ActionButton } from '../actions/ActionBar';
import { PageClutterSlot, SaveActionSlot } from '../actions/slots';
import { AlwaysReaderSwitch } from '../always-reader/AlwaysReaderSwitch';
import { ArticleView } from '../article/ArticleView';
import { ArticleStateView } from '../components/ArticleStateView';
import { createTargetTabSource } from '../stores/article-source';
import { createArticleStore, type ArticleStore } from '../stores/createArticleStore';
import { useApi } from '../stores/context';

/** One click on the toolbar button: the cleaned article itself, with a compact action bar. */
export function Popup({ store: started }: { store?: ArticleStore }) {
  const api = useApi();
  const { t } = api;
  // The popup's entry starts reading before the page has loaded; otherwise start here.
  const store = useMemo(() => started ?? createArticleStore(createTargetTabSource(api)), [api, started]);
  useEffect(() => {
    if (!started) void store.load();
  }, [store, started]);
  const state = store.state.value;
  const loaded = state.status === 'article' ? state : null;
  const tabId = loaded?.tabId ?? null;
  // The page's clutter can be hidden whether or not it holds an article. Its controls ask the
  // background, which may be asleep: they wait until the tab has been read, so that its waking
  // does not take the processor from the first screen.
  const isRead = state.status !== 'loading';
  const [pageTabId, setPageTabId] = useState<number | null>(null);
  useEffect(() => {
    if (isRead) void api.getTargetTabId().then(setPageTabId, () => undefined);
  }, [api, isRead]);

  return (
    <div class="surface surface--popup">
      <header class="surface__bar">
        <ActionBar label={t('articleActions')}>
          <ActionButton
            icon="panel"
            label={t('readInSidePanel')}
            isLabelShown
            disabled={tabId === null}
            onClick={() => {
              if (tabId === null) return;
              // The browser call happens before any await: the click's user gesture must reach it.
              void api.openSidePanel(tabId).then(() => api.closePopup());
            }}
          />
          <ActionButton
            icon="reader"
            label={t('openReader')}
            isLabelShown
            disabled={tabId === null}
            onClick={() => tabId !== null && void api.openReader(tabId).then(() => api.closePopup())}
          />
          {loaded && <SaveActionSlot surface="popup" article={loaded.article} tabId={tabId} />}
          <span class="action-bar__spacer" />
          <ActionButton icon="library" label={t('openLibrary')} onClick={() => void api.openLibrary()} />
          <ActionButton icon="settings" label={t('openSettings')} onClick={() => void api.openSettings()} />
        </ActionBar>
        <PageClutterSlot surface="popup" tabId={pageTabId} />
        <AlwaysReaderSwitch tabId={pageTabId} />
      </header>
      <main class="surface__content">
        <ArticleStateView store={store} renderArticle={({ article }) => <ArticleView article={article} />} />
      </main>
    </div>
  );
}
