import type { LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import { Menu } from './Menu';
import { saveFile } from './save-file';

/**
 * What can be done with the selected articles: shown only while something is selected
 * ("3 selected: Archive · Tag · Export · Delete"), the less common actions in a menu.
 */
export function BulkActions({ store }: { store: LibraryStore }) {
  const { t, library } = useApi();
  const ids = [...store.selected.value];
  const count = ids.length;
  if (count === 0) return null;
  const isBusy = store.isBusy.value;
  const isArchiveView = store.query.value.view === 'archived';
  const exportAs = async (format: 'markdown' | 'html' | 'epub') => {
    const file = await store.exportArticles({ ids, format, markdownImages: 'files' });
    if (file) saveFile(file);
  };
  return (
    <div class="bulk" role="region" aria-label={t('bulkActions')}>
      <p class="bulk__count">{t('selectedCount', count)}</p>
      <button
        type="button"
        class="button"
        disabled={isBusy}
        onClick={() => void store.update(ids, { isArchived: !isArchiveView })}
      >
        {isArchiveView ? t('unarchive') : t('archive')}
      </button>
      <button type="button" class="button" disabled={isBusy} onClick={() => (store.tagging.value = ids)}>
        {t('tagAction')}
      </button>
      <Menu label={t('exportMenu')} disabled={isBusy}>
        <button type="button" class="menu__item" onClick={() => void exportAs('epub')}>
          {t('exportEpub')}
        </button>
        <button type="button" class="menu__item" onClick={() => void exportAs('markdown')}>
          {t('exportMarkdown')}
        </button>
        <button type="button" class="menu__item" onClick={() => void exportAs('html')}>
          {t('exportHtml')}
        </button>
      </Menu>
      <button type="button" class="button button--danger" disabled={isBusy} onClick={() => void store.remove(ids)}>
        {t('delete')}
      </button>
      <Menu label={t('moreActions')} disabled={isBusy}>
        <button type="button" class="menu__item" onClick={() => void store.update(ids, { isRead: true })}>
          {t('markRead')}
        </button>
        <button type="button" class="menu__item" onClick={() => void store.update(ids, { isRead: false })}>
          {t('markUnread')}
        </button>
        <button type="button" class="menu__item" onClick={() => void store.update(ids, { isFavorite: true })}>
          {t('addFavorite')}
        </button>
        <button
          type="button"
          class="menu__item"
          onClick={async () => {
            // The permission prompt needs this click's gesture: nothing may be awaited before it.
            if (store.imageAccess.value !== 'granted' && !(await library.requestImageAccess())) return;
            store.imageAccess.value = 'granted';
            await store.fetchMissing(ids);
          }}
        >
          {t('downloadMissing')}
        </button>
      </Menu>
      <button type="button" class="button button--quiet" onClick={() => store.clearSelection()}>
        {t('clearSelection')}
      </button>
    </div>
  );
}
