import type { RefObject } from 'preact';
import type { LibraryLayout, LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import type { PlainKey } from '../i18n';

const VIEWS: [NonNullable<LibraryStore['query']['value']['view']>, PlainKey][] = [
  ['all', 'viewAll'],
  ['unread', 'viewUnread'],
  ['favorites', 'viewFavorites'],
  ['archived', 'viewArchived'],
];

const SORTS: [string, PlainKey][] = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['title', 'sortTitle'],
  ['site', 'sortSite'],
  ['shortest', 'sortShortest'],
  ['longest', 'sortLongest'],
];

const LAYOUTS: [LibraryLayout, PlainKey][] = [
  ['rows', 'layoutRows'],
  ['cards', 'layoutCards'],
];

export function LibraryToolbar({
  store,
  searchRef,
}: {
  store: LibraryStore;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useApi();
  const q = store.query.value;
  const result = store.result.value;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  return (
    <div class="toolbar" role="search">
      <label class="field field--search">
        <span>{t('searchLabel')}</span>
        <input
          ref={searchRef}
          type="search"
          name="search"
          value={q.search}
          placeholder={t('searchPlaceholder')}
          onInput={(e) => {
            const value = e.currentTarget.value;
            clearTimeout(searchTimer);
            searchTimer = setTimeout(
              () => void store.setQuery({ search: value, sort: value ? 'relevance' : 'newest' }),
              120,
            );
          }}
        />
      </label>
      <fieldset class="views">
        <legend>{t('showLabel')}</legend>
        {VIEWS.map(([view, key]) => (
          <label key={view} class="choice">
            <input
              type="radio"
              name="view"
              value={view}
              checked={q.view === view}
              onChange={() => void store.setQuery({ view })}
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('tagLabel')}</span>
        <select value={q.tag ?? ''} onChange={(e) => void store.setQuery({ tag: e.currentTarget.value || null })}>
          <option value="">{t('anyTag')}</option>
          {result?.tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name} ({tag.count})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('siteLabel')}</span>
        <select value={q.site ?? ''} onChange={(e) => void store.setQuery({ site: e.currentTarget.value || null })}>
          <option value="">{t('anySite')}</option>
          {result?.sites.map((site) => (
            <option key={site.name} value={site.name}>
              {site.name} ({site.count})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('sortLabel')}</span>
        <select
          value={q.sort}
          onChange={(e) => void store.setQuery({ sort: e.currentTarget.value as NonNullable<typeof q.sort> })}
        >
          {q.search && <option value="relevance">{t('sortRelevance')}</option>}
          {SORTS.map(([sort, key]) => (
            <option key={sort} value={sort}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="views views--layout">
        <legend>{t('layoutLabel')}</legend>
        {LAYOUTS.map(([layout, key]) => (
          <label key={layout} class="choice">
            <input
              type="radio"
              name="layout"
              value={layout}
              checked={store.layout.value === layout}
              onChange={() => store.setLayout(layout)}
            />
            <span>{t(key)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
