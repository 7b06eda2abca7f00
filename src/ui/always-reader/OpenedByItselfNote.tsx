import { useState } from 'preact/hooks';
import { hostnameOf } from '../../shared/host';
import { useApi } from '../stores/context';

/**
 * Under the bar of a reader that opened by itself: says why (the site is chosen), and stops it for
 * the site in one click; the bar's first button goes back to the page.
 */
export function OpenedByItselfNote({ page }: { page: string }) {
  const api = useApi();
  const { t } = api;
  const host = hostnameOf(page);
  const [state, setState] = useState<'on' | 'busy' | 'off'>('on');
  const stop = () => {
    setState('busy');
    api.alwaysReader.remove(host).then(
      () => setState('off'),
      () => setState('on'),
    );
  };
  return (
    <aside class="opened-note" aria-label={t('alwaysReaderSettings')}>
      <p class="opened-note__text" role="status">
        {state === 'off' ? t('alwaysReaderStopped', host) : t('alwaysReaderOpenedNote', host)}
      </p>
      {state !== 'off' && (
        <button type="button" class="button button--small" disabled={state === 'busy'} onClick={stop}>
          {t('alwaysReaderStop', host)}
        </button>
      )}
    </aside>
  );
}
