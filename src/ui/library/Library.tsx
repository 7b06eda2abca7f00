import { useEffect, useMemo, useRef } from 'preact/hooks';
import { failureText } from '../i18n';
import { createLibraryStore, type LibraryStore } from '../stores/createLibraryStore';
import { useApi, useSettings } from '../stores/context';
import { SyncStatusLine } from '../components/SyncStatusLine';
import { ArticleRow } from './ArticleRow';
import { BulkActions } from './BulkActions';
import { LibraryData } from './LibraryData';
import { LibraryToolbar } from './LibraryToolbar';
import { useHighlightCounts } from './useHighlightCounts';

function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], maximumFractionDigits: 1 }).format(value);
}

function Notice({ store }: { store: LibraryStore }) {
  const { t } = useApi();
  const notice = store.notice.value;
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => undoRef.current?.focus(), [notice]);
  return (
    <div class="notice" role="status" aria-live="polite">
      {notice?.kind === 'deleted' && (
        <p>
          {t('deletedCount', notice.count)}{' '}
          <button ref={undoRef} type="button" class="button" onClick={() => void store.undo(notice.undoToken)}>
            {t('undo')}
          </button>
        </p>
      )}
      {notice?.kind === 'info' && <p>{notice.message}</p>}
      {notice?.kind === 'error' && (
        <p role="alert">
          {failureText(t, notice.failure)}{' '}
          <button type="button" class="button" onClick={store.dismiss}>
            {t('dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}

/** Marked once the first list is on screen: the library benchmark reads it. */
export const LIBRARY_FIRST_SCREEN_MARK = 'tidy-reader:library-first-screen';

export function Library({ store: started }: { store?: LibraryStore }) {
  const api = useApi();
  const { t, uiLanguage } = api;
  // The page's entry starts listing before the components load; otherwise start here.
  const store = useMemo(() => started ?? createLibraryStore(api), [api, started]);
  useEffect(() => {
    if (!started) void store.start();
  }, [store, started]);
  const result = store.result.value;
  const settings = useSettings();
  // On screen: the list is drawn and the page shown (it waits for the reading settings).
  const isShown = result !== null && settings.isLoaded.value;
  useEffect(() => {
    if (isShown) requestAnimationFrame(() => performance.mark(LIBRARY_FIRST_SCREEN_MARK));
  }, [isShown]);
  const estimate = store.estimate.value;
  const highlightCounts = useHighlightCounts(result?.items.map((a) => a.id));
  return (
    <div class="library">
      <header class="library__header">
        <h1>{t('libraryHeading')}</h1>
        {estimate && (
          <p class="library__storage" data-testid="storage">
            {estimate.usage !== null
              ? t('storageUse', estimate.articleCount, [formatBytes(estimate.usage, uiLanguage)])
              : t('articleCount', estimate.articleCount)}
          </p>
        )}
        <SyncStatusLine />
      </header>
      <LibraryToolbar store={store} />
      <main class="library__main" aria-busy={store.isLoading.value}>
        <BulkActions store={store} />
        <Notice store={store} />
        {result && (
          <p class="library__count" aria-live="polite">
            {t('shownCount', [String(result.items.length), String(result.total)])}
          </p>
        )}
        {result && result.total === 0 && !store.isLoading.value && (
          <p class="library__empty">{result.libraryCount === 0 ? t('libraryEmpty') : t('noMatches')}</p>
        )}
        <ul class="entries" aria-label={t('savedArticles')}>
          {result?.items.map((article) => (
            <ArticleRow
              key={article.id}
              article={article}
              isSelected={store.selected.value.has(article.id)}
              highlightCount={highlightCounts[article.id] ?? 0}
              onToggle={() => store.toggle(article.id)}
            />
          ))}
        </ul>
        {store.hasMore.value && (
          <button type="button" class="button" onClick={() => void store.loadMore()}>
            {t('showMore')}
          </button>
        )}
      </main>
      <LibraryData store={store} />
    </div>
  );
}
