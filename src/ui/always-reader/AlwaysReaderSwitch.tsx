import { useEffect, useState } from 'preact/hooks';
import type { AlwaysReaderSite } from '../api/always-reader-api';
import { toApiFailure, type ApiFailure } from '../api/extension-api';
import { failureText } from '../i18n';
import { useApi } from '../stores/context';

type Notice = 'turned-on' | 'access-declined' | null;

/** The popup's "Always open in reader on this site" switch for the tab's site. */
export function AlwaysReaderSwitch({ tabId }: { tabId: number | null }) {
  const api = useApi();
  const { t } = api;
  const [site, setSite] = useState<AlwaysReaderSite | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // Pages the browser keeps extensions out of have no site to choose: nothing is shown.
  useEffect(() => {
    if (tabId !== null) void api.alwaysReader.site(tabId).then(setSite, () => setSite(null));
  }, [api, tabId]);
  if (!site) return null;

  const toggle = (on: boolean) => {
    // Called straight from the click: the permission prompt needs its user gesture.
    const pending = api.alwaysReader.setSite(site, on);
    setBusy(true);
    setFailure(null);
    pending
      .then(({ granted }) => {
        setSite({ ...site, isOn: on && granted });
        setNotice(!granted ? 'access-declined' : on ? 'turned-on' : null);
      })
      .catch((error: unknown) => setFailure(toApiFailure(error)))
      .finally(() => setBusy(false));
  };

  const status = failure
    ? failureText(t, failure)
    : notice === 'access-declined'
      ? t('alwaysReaderAccessDeclined')
      : notice === 'turned-on'
        ? t('alwaysReaderTurnedOn', site.host)
        : '';
  return (
    <section class="always-reader" aria-label={t('alwaysReaderSection', site.host)}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          name="always-reader"
          checked={site.isOn}
          disabled={isBusy}
          aria-describedby="always-reader-status"
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {t('alwaysReaderOnSite')}
      </label>
      <p id="always-reader-status" class="always-reader__status muted" role="status">
        {status}
      </p>
    </section>
  );
}
