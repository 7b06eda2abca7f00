import { useEffect, useState } from 'preact/hooks';
import type { SendToKind, SendToStatus } from '../api/sendto-api';
import { sendToErrorText, sendToName } from '../options/SendToSection';
import { useApi } from '../stores/context';
import { ActionButton } from './ActionBar';

/**
 * "Send to Readeck" / "Send to wallabag" for a saved article, one per server set up in the
 * settings: the server gets the library's copy, as the reader sees it. The outcome is said in a
 * polite live region.
 */
export function SendToButtons({ savedId }: { savedId: string }) {
  const api = useApi();
  const { t } = api;
  const [status, setStatus] = useState<SendToStatus | null>(null);
  const [busy, setBusy] = useState<SendToKind | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void api.sendTo.status().then(setStatus, () => undefined), [api]);
  if (!status || status.servers.length === 0) return null;
  return (
    <>
      {status.servers.map(({ kind }) => {
        const name = sendToName(t, kind);
        return (
          <ActionButton
            key={kind}
            icon="send"
            class={`send-to send-to--${kind}`}
            label={t('sendToAction', [name])}
            disabled={busy !== null}
            isBusy={busy === kind}
            onClick={() => {
              setBusy(kind);
              setMessage('');
              api.sendTo
                .send(kind, savedId)
                .then(
                  (result) => setMessage(result.error ? sendToErrorText(t, result.error) : t('sendToSent', [name])),
                  () => setMessage(sendToErrorText(t, 'failed')),
                )
                .finally(() => setBusy(null));
            }}
          />
        );
      })}
      <span class="send-to__outcome" aria-live="polite" data-testid="send-to-outcome">
        {message}
      </span>
    </>
  );
}
