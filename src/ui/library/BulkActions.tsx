import { useState } from 'preact/hooks';
import type { LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import { saveFile } from './save-file';

export function BulkActions({ store }: { store: LibraryStore }) {
  const { t, library } = useApi();
  const [tag, setTag] = useState('');
  const ids = [...store.selected.value];
  const count = ids.length;
  const items = store.result.value?.items ?? [];
  const allSelected = items.length > 0 && count === items.length;
  const disabled = count === 0 || store.isBusy.value;
  const exportAs = async (format: 'markdown' | 'html' | 'epub') => {
    const file = await store.exportArticles({ ids, format, markdownImages: 'files' });
    if (file) saveFile(file);
  };
  return (
    <div class="bulk" role="group" aria-label={t('bulkActions')}>
      <label class="bulk__all">
        <input type="checkbox" checked={allSelected} onChange={(e) => store.selectAll(e.currentTarget.checked)} />
        {count > 0 ? t('selectedCount', count) : t('selectAll')}
      </label>
      <button type="button" class="button" disabled={disabled} onClick={() => void store.update(ids, { isRead: true })}>
        {t('markRead')}
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => void store.update(ids, { isRead: false })}
      >
        {t('markUnread')}
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => void store.update(ids, { isArchived: true })}
      >
        {t('archive')}
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => void store.update(ids, { isArchived: false })}
      >
        {t('unarchive')}
      </button>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={() => void store.update(ids, { isFavorite: true })}
      >
        {t('addFavorite')}
      </button>
      <form
        class="bulk__tag"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) void store.update(ids, { addTags: [tag] }).then(() => setTag(''));
        }}
      >
        <label>
          <span class="visually-hidden">{t('tagToAdd')}</span>
          <input type="text" value={tag} placeholder={t('tagToAdd')} onInput={(e) => setTag(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={disabled || !tag.trim()}>
          {t('addTag')}
        </button>
      </form>
      <button
        type="button"
        class="button"
        disabled={disabled}
        onClick={async () => {
          // The permission prompt needs this click's gesture: nothing may be awaited before it.
          if (store.imageAccess.value !== 'granted' && !(await library.requestImageAccess())) return;
          store.imageAccess.value = 'granted';
          await store.fetchMissing(ids);
        }}
      >
        {t('downloadMissing')}
      </button>
      <button type="button" class="button" disabled={disabled} onClick={() => void exportAs('epub')}>
        {t('exportEpub')}
      </button>
      <button type="button" class="button" disabled={disabled} onClick={() => void exportAs('markdown')}>
        {t('exportMarkdown')}
      </button>
      <button type="button" class="button" disabled={disabled} onClick={() => void exportAs('html')}>
        {t('exportHtml')}
      </button>
      <button type="button" class="button button--danger" disabled={disabled} onClick={() => void store.remove(ids)}>
        {t('delete')}
      </button>
    </div>
  );
}
