import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { failureText } from '../i18n';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { createImportStore } from '../stores/createImportStore';
import { createLibraryStore, type LibraryStore } from '../stores/createLibraryStore';
import { useApi, useSettings } from '../stores/context';
import { SyncStatusLine } from '../components/SyncStatusLine';
import { ArticlePlaceholder, ArticleRow, type RowActions, type RowPlace } from './ArticleRow';
import { BulkActions } from './BulkActions';
import { EmptyLibrary } from './EmptyLibrary';
import { ImportProgress } from './ImportProgress';
import { LibraryData } from './LibraryData';
import { LIBRARY_SHORTCUTS } from './library-keymap';
import { LibraryToolbar } from './LibraryToolbar';
import { Menu } from './Menu';
import { TagDialog } from './TagDialog';
import { useLibraryKeys } from './useLibraryKeys';
import { useListGeometry } from './useListGeometry';
import { VirtualList, type ItemPosition } from './VirtualList';
import { savedReaderPathFor } from '../../shared/reader-url';

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
  // A click's Undo takes the focus; a key's leaves it on the list (z undoes there).
  useEffect(() => {
    if (notice?.kind === 'deleted' && !notice.byKeyboard) undoRef.current?.focus();
  }, [notice]);
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

/** Marked once the first list is on screen with its pictures: the library benchmark reads it. */
export const LIBRARY_FIRST_SCREEN_MARK = 'tidy-reader:library-first-screen';

/**
 * Moves the focus to the keyboard's row: at once when it is drawn, else once it is (it may first
 * have to scroll into view). Timers, not animation frames, which a page in the background or
 * behind another window does not get.
 */
function useFocusCursor(store: LibraryStore, list: () => HTMLElement | null) {
  const cursor = store.cursor.value;
  useEffect(() => {
    if (cursor < 0) return;
    let tries = 0;
    let timer = 0;
    const focus = () => {
      // Keys pressed in quick succession move the cursor again before this runs: focusing a row
      // the cursor has left would move it back (a focused row takes the cursor).
      if (store.cursor.peek() !== cursor) return;
      const link = list()?.querySelector<HTMLElement>(`[data-index="${cursor}"] .entry__title`);
      if (link) {
        if (!link.closest('li')?.contains(document.activeElement)) link.focus({ preventScroll: true });
      } else if (tries++ < 30) {
        timer = window.setTimeout(focus, 16);
      }
    };
    focus();
    return () => clearTimeout(timer);
  }, [cursor, store.pages.value, list]);
}

export function Library({ store: started }: { store?: LibraryStore }) {
  const api = useApi();
  const { t, uiLanguage } = api;
  // The page's entry starts listing before the components load; otherwise start here.
  const store = useMemo(() => started ?? createLibraryStore(api), [api, started]);
  const imports = useMemo(() => createImportStore(store), [store]);
  useEffect(() => {
    if (!started) void store.start();
  }, [store, started]);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const keyOptions = useMemo(
    () => ({ onShowHelp: () => setHelpOpen(true), onSearch: () => searchRef.current?.focus() }),
    [],
  );
  useLibraryKeys(store, keyOptions);
  useFocusCursor(
    store,
    useCallback(() => listRef.current, []),
  );
  const geometry = useListGeometry(store.layout.value, listRef);

  const result = store.result.value;
  const settings = useSettings();
  // On screen: the list is drawn with its pictures and the page shown (it waits for the settings).
  const isShown = result !== null && settings.isLoaded.value && store.hasFirstPictures.value;
  useEffect(() => {
    if (isShown) requestAnimationFrame(() => performance.mark(LIBRARY_FIRST_SCREEN_MARK));
  }, [isShown]);
  const estimate = store.estimate.value;
  const total = store.total.value;
  const layout = store.layout.value;
  const onRange = useCallback((first: number, last: number) => store.showRange(first, last), [store]);
  const announcement = store.announcement.value;
  const actions = useMemo<RowActions>(
    () => ({
      onToggle: (article) => store.toggle(article.id),
      onFocus: (_article, index) => {
        if (store.cursor.value !== index) store.cursor.value = index;
      },
      onArchive: (article) => void store.update([article.id], { isArchived: !article.isArchived }),
      onFavorite: (article) => void store.update([article.id], { isFavorite: !article.isFavorite }),
      onTag: (article) => (store.tagging.value = [article.id]),
      onDelete: (article) => void store.remove([article.id]),
    }),
    [store],
  );
  // Rows are keyed by their slot, not by article: a row stays the same element while it is drawn,
  // and one coming into view fills the element of one that left instead of making new ones (most
  // of a scrolled frame's time, measured).
  const renderItem = (index: number, { slot, isFling, ...position }: ItemPosition) => {
    const place: RowPlace = { index, total, ...position, perLine: geometry.perLine };
    const article = store.itemAt(index);
    if (!article) return <ArticlePlaceholder key={slot} {...place} layout={layout} />;
    const id = article.id;
    const isCurrent = store.cursor.value === index;
    return (
      <ArticleRow
        key={slot}
        article={article}
        href={savedReaderPathFor(id, store.query.value)}
        picture={store.pictures.value.get(id)}
        {...place}
        layout={layout}
        isSelected={store.selected.value.has(id)}
        isCurrent={isCurrent}
        isFling={isFling}
        actions={actions}
      />
    );
  };
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
        <div class="library__header-actions">
          <button type="button" class="button button--quiet" onClick={() => setHelpOpen(true)}>
            {t('keyboardShortcuts')}
          </button>
          <Menu label={t('dataHeading')} class="menu--end">
            <LibraryData store={store} imports={imports} />
          </Menu>
        </div>
      </header>
      <LibraryToolbar store={store} searchRef={searchRef} />
      <main class="library__main" aria-busy={store.isLoading.value}>
        {result && (
          <p class="library__count" aria-live="polite">
            {t('articleCount', result.total)}
          </p>
        )}
        {result && result.total === 0 && !store.isLoading.value && (
          <>{result.libraryCount === 0 ? <EmptyLibrary /> : <p class="library__empty">{t('noMatches')}</p>}</>
        )}
        <div ref={listRef}>
          {result && total > 0 && (
            <VirtualList
              count={total}
              perLine={geometry.perLine}
              lineHeight={geometry.lineHeight}
              label={t('savedArticles')}
              class={`entries entries--${layout}`}
              keepInView={store.cursor.value}
              onRange={onRange}
              renderItem={renderItem}
            />
          )}
        </div>
      </main>
      <div class="library__dock">
        <ImportProgress imports={imports} />
        <Notice store={store} />
        <BulkActions store={store} />
      </div>
      <TagDialog store={store} />
      <ShortcutsDialog
        isOpen={isHelpOpen}
        shortcuts={LIBRARY_SHORTCUTS}
        browserCommands={[]}
        onClose={() => setHelpOpen(false)}
      />
      <p class="visually-hidden" role="status" aria-live="polite" data-n={announcement.n}>
        {announcement.text}
      </p>
    </div>
  );
}
