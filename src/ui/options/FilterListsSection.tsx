import { useEffect, useState } from 'preact/hooks';
import { toApiFailure, type ApiFailure } from '../api/extension-api';
import type { FilterListStatus } from '../api/filter-lists-api';
import { failureText, type Translate } from '../i18n';
import { useApi } from '../stores/context';

/** What went wrong with a list's last download, and what the reader can do about it. */
function errorLine(list: FilterListStatus, t: Translate): string {
  const error = list.error;
  if (!error) return '';
  switch (error.kind) {
    case 'http':
      return t('filterListErrorHttp', String(error.status ?? ''));
    case 'network':
      return t('filterListErrorNetwork', list.host);
    case 'permission':
      return t('filterListErrorPermission', list.host);
    case 'empty':
      return t('filterListErrorEmpty');
  }
}

function FilterListRow({
  list,
  disabled,
  onToggle,
}: {
  list: FilterListStatus;
  disabled: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t, uiLanguage } = useApi();
  const date = list.updatedAt === null ? '' : new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium' });
  const error = errorLine(list, t);
  return (
    <li class="filter-list" data-list={list.id}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          name={`filter-list-${list.id}`}
          checked={list.enabled}
          disabled={disabled}
          // The permission prompt needs this click's gesture: the API asks before any await.
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        {list.name}
      </label>
      <p class="muted">
        {t('filterListSource', [list.host, list.licence])}
        {list.enabled && (
          <>
            {' · '}
            {date && list.updatedAt !== null
              ? t('filterListUpdated', list.rules, [date.format(list.updatedAt)])
              : t('filterListNotDownloaded')}
          </>
        )}
      </p>
      {list.enabled && error && (
        <p class="filter-list__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Settings: one switch per community filter list, all off until the reader turns one on. */
export function FilterListsSection() {
  const api = useApi();
  const { t } = api;
  const [lists, setLists] = useState<FilterListStatus[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [declined, setDeclined] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => void api.lists.status().then(setLists, (e: unknown) => setFailure(toApiFailure(e))), [api]);

  const toggle = (list: FilterListStatus, on: boolean) => {
    setBusy(list.id);
    setFailure(null);
    setDeclined(null);
    api.lists
      .setEnabled(list, on)
      .then(
        (result) => {
          setLists(result.lists);
          if (!result.granted) setDeclined(list.host);
        },
        (e: unknown) => setFailure(toApiFailure(e)),
      )
      .finally(() => setBusy(null));
  };

  return (
    <section class="options__section" aria-labelledby="filter-lists-title">
      <h2 id="filter-lists-title">{t('filterListsTitle')}</h2>
      <p class="muted">{t('filterListsIntro')}</p>
      {failure && <p role="alert">{failureText(t, failure)}</p>}
      {declined && <p role="status">{t('filterListAccessDeclined', declined)}</p>}
      {lists && (
        <ul class="filter-lists">
          {lists.map((list) => (
            <FilterListRow key={list.id} list={list} disabled={busy !== null} onToggle={(on) => toggle(list, on)} />
          ))}
        </ul>
      )}
    </section>
  );
}
