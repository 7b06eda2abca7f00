import { useEffect, useState } from 'preact/hooks';
import type { AlwaysReaderEntry } from '../api/always-reader-api';
import { toApiFailure, type ApiFailure } from '../api/extension-api';
import { failureText } from '../i18n';
import { useApi } from '../stores/context';

/**
 * Settings: the sites whose articles open in the reader as they load. Sites are chosen from the
 * popup on the site (where its access is asked for); here they are removed. As for hiding, the
 * site's access stays with the browser's other grants: the reader may have given it for more.
 */
export function AlwaysReaderSection() {
  const api = useApi();
  const { t } = api;
  const [sites, setSites] = useState<AlwaysReaderEntry[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => void api.alwaysReader.list().then(setSites, (e: unknown) => setFailure(toApiFailure(e))), [api]);

  const remove = (host: string) => {
    setBusy(true);
    setFailure(null);
    api.alwaysReader
      .remove(host)
      .then(setSites, (e: unknown) => setFailure(toApiFailure(e)))
      .finally(() => setBusy(false));
  };

  return (
    <section class="options__section" aria-labelledby="always-reader-title">
      <h2 id="always-reader-title">{t('alwaysReaderSettings')}</h2>
      <p class="muted">{t('alwaysReaderSettingsNote')}</p>
      {failure && <p role="alert">{failureText(t, failure)}</p>}
      {sites &&
        (sites.length === 0 ? (
          <p class="muted">{t('alwaysReaderNoSites')}</p>
        ) : (
          <ul class="clutter-sites always-reader-sites">
            {sites.map(({ host, hasAccess }) => (
              <li key={host} class="clutter-site always-reader-site" data-host={host}>
                <span class="clutter-site__host">{host}</span>
                {!hasAccess && <span class="muted">{t('alwaysReaderNoAccess')}</span>}
                <div class="page-clutter__row">
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={t('alwaysReaderRemoveSite', host)}
                    disabled={isBusy}
                    onClick={() => remove(host)}
                  >
                    {t('alwaysReaderRemove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
