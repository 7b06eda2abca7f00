import { useEffect, useState } from 'preact/hooks';
import { toApiFailure, type ApiFailure } from '../api/extension-api';
import type { ClutterSettings } from '../api/clutter-api';
import { GroupSwitches } from '../clutter/GroupSwitches';
import { failureText } from '../i18n';
import { useApi } from '../stores/context';

/** Settings: the defaults, "every site", and the sites with choices of their own. */
export function ClutterSettingsSection() {
  const api = useApi();
  const { t } = api;
  const [settings, setSettings] = useState<ClutterSettings | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => void api.clutter.settings().then(setSettings, (e: unknown) => setFailure(toApiFailure(e))), [api]);

  const act = (work: Promise<ClutterSettings>) => {
    setBusy(true);
    setFailure(null);
    work.then(setSettings, (e: unknown) => setFailure(toApiFailure(e))).finally(() => setBusy(false));
  };

  const sites = settings ? Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b)) : [];
  return (
    <section class="options__section" aria-labelledby="clutter-title">
      <h2 id="clutter-title">{t('clutterSettings')}</h2>
      {failure && <p role="alert">{failureText(t, failure)}</p>}
      {settings && (
        <>
          <h3>{t('clutterDefaults')}</h3>
          <div class="page-clutter__row">
            <GroupSwitches
              groups={settings.defaults}
              idPrefix="clutter-default"
              disabled={isBusy}
              onChange={(group, hidden) => act(api.clutter.setDefaults({ ...settings.defaults, [group]: hidden }))}
            />
          </div>
          <p>
            <label class="switch">
              <input
                type="checkbox"
                checked={settings.everywhere}
                disabled={isBusy}
                // The permission prompt needs this click's gesture: the API asks before any await.
                onChange={(e) => act(api.clutter.setEverywhere(e.currentTarget.checked).then((r) => r.settings))}
              />
              {t('clutterEverywhere')}
            </label>
          </p>
          <p class="muted">{t('clutterPermissionsNote')}</p>
          <h3>{t('clutterSites')}</h3>
          {sites.length === 0 ? (
            <p class="muted">{t('clutterNoSites')}</p>
          ) : (
            <ul class="clutter-sites">
              {sites.map(([host, site]) => (
                <li key={host} class="clutter-site" data-host={host}>
                  <span class="clutter-site__host">{host}</span>
                  <div class="page-clutter__row">
                    <GroupSwitches
                      groups={site.groups}
                      idPrefix={`clutter-site-${host}`}
                      disabled={isBusy}
                      onChange={(group, hidden) =>
                        act(api.clutter.updateSite(host, { groups: { ...site.groups, [group]: hidden } }))
                      }
                    />
                    <label class="switch">
                      <input
                        type="checkbox"
                        checked={site.alwaysOn}
                        // Turning on needs the site's permission, asked from the popup on that site.
                        disabled={isBusy || !site.alwaysOn}
                        onChange={() => act(api.clutter.updateSite(host, { alwaysOn: false }))}
                      />
                      {t('clutterAlwaysOn')}
                    </label>
                    <button
                      type="button"
                      class="button button--small"
                      disabled={isBusy}
                      onClick={() => act(api.clutter.updateSite(host, null))}
                    >
                      {t('clutterForgetSite', host)}
                    </button>
                  </div>
                  {site.picked.length > 0 && (
                    <>
                      <span class="muted">{t('clutterPickedRules')}</span>
                      <ul class="clutter-site__rules">
                        {site.picked.map((selector) => (
                          <li key={selector}>
                            <code>{selector}</code>{' '}
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={t('clutterRemoveRule', selector)}
                              disabled={isBusy}
                              onClick={() => act(api.clutter.removePicked(host, selector))}
                            >
                              {t('delete')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
