import { useEffect, useState } from 'preact/hooks';
import type { SendToErrorCode, SendToKind, SendToStatus } from '../api/sendto-api';
import type { Translate } from '../i18n';
import { useApi } from '../stores/context';

export function sendToErrorText(t: Translate, code: SendToErrorCode): string {
  switch (code) {
    case 'network':
      return t('sendToErrorNetwork');
    case 'auth':
      return t('sendToErrorAuth');
    case 'rejected':
      return t('sendToErrorRejected');
    case 'http':
      return t('sendToErrorHttp');
    case 'bad-address':
      return t('sendToErrorBadAddress');
    case 'no-access':
      return t('sendToErrorNoAccess');
    case 'not-found':
      return t('sendToErrorNotFound');
    default:
      return t('sendToErrorFailed');
  }
}

export const sendToName = (t: Translate, kind: SendToKind) =>
  kind === 'readeck' ? t('sendToReadeckName') : t('sendToWallabagName');

type Fields = 'url' | 'token' | 'clientId' | 'clientSecret' | 'username' | 'password';

const FIELDS: Record<SendToKind, Fields[]> = {
  readeck: ['url', 'token'],
  wallabag: ['url', 'clientId', 'clientSecret', 'username', 'password'],
};

function ServerForm({
  kind,
  status,
  onStatus,
}: {
  kind: SendToKind;
  status: SendToStatus | null;
  onStatus: (s: SendToStatus) => void;
}) {
  const api = useApi();
  const { t } = api;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SendToErrorCode | null>(null);
  const [form, setForm] = useState<Record<Fields, string>>({
    url: '',
    token: '',
    clientId: '',
    clientSecret: '',
    username: '',
    password: '',
  });
  const server = status?.servers.find((s) => s.kind === kind) ?? null;
  const name = sendToName(t, kind);
  const id = (field: string) => `send-to-${kind}-${field}`;

  const run = (work: () => Promise<SendToStatus>) => {
    setBusy(true);
    work()
      .then(
        (next) => {
          setError(next.error);
          onStatus(next);
        },
        () => setError('failed'),
      )
      .finally(() => setBusy(false));
  };
  const labels: Record<Fields, string> = {
    url: t('sendToAddressLabel'),
    token: t('sendToTokenLabel'),
    clientId: t('sendToClientIdLabel'),
    clientSecret: t('sendToClientSecretLabel'),
    username: t('sendToUserLabel'),
    password: t('sendToPasswordLabel'),
  };
  const autocomplete = (f: Fields) =>
    f === 'url' ? 'url' : f === 'username' ? 'username' : f === 'password' ? 'current-password' : 'off';

  return (
    <fieldset class="send-to-settings__server">
      <legend>{name}</legend>
      {server ? (
        <p class="sync-settings__actions">
          {t('sendToConnectedTo', [server.url])}{' '}
          <button type="button" class="button" disabled={busy} onClick={() => run(() => api.sendTo.forget(kind))}>
            {t('sendToForget')}
          </button>
        </p>
      ) : (
        <form
          class="sync-settings__form"
          onSubmit={(e) => {
            e.preventDefault();
            // The permission prompt needs this submit's gesture: the API asks before any await.
            run(() => api.sendTo.connect({ kind, ...form }));
          }}
        >
          {FIELDS[kind].map((f) => {
            const common = {
              name: id(f),
              required: true,
              autocomplete: autocomplete(f),
              value: form[f],
              onInput: (e: Event) => {
                const value = (e.currentTarget as HTMLInputElement).value;
                setForm((previous) => ({ ...previous, [f]: value }));
              },
            };
            return (
              <label key={f}>
                {labels[f]}
                {f === 'url' ? (
                  <input type="url" aria-describedby={id('hint')} {...common} />
                ) : f === 'username' || f === 'clientId' ? (
                  <input type="text" {...common} />
                ) : (
                  <input type="password" {...common} />
                )}
              </label>
            );
          })}
          <p id={id('hint')} class="muted">
            {kind === 'readeck' ? t('sendToReadeckHint') : t('sendToWallabagHint')}
          </p>
          {error && (
            <p role="alert" class="sync-settings__error">
              {sendToErrorText(t, error)}
            </p>
          )}
          <p>
            <button type="submit" class="button" disabled={busy}>
              {t('sendToConnect', [name])}
            </button>
          </p>
        </form>
      )}
    </fieldset>
  );
}

/**
 * Settings: the reader's Readeck and wallabag. Connecting asks for access to the server's site
 * (the click's gesture) and checks the credentials; "Forget this server" drops them and gives
 * the access back.
 */
export function SendToSection() {
  const api = useApi();
  const { t } = api;
  const [status, setStatus] = useState<SendToStatus | null>(null);
  useEffect(() => void api.sendTo.status().then(setStatus, () => undefined), [api]);
  return (
    <section class="options__section send-to-settings" aria-labelledby="send-to-title">
      <h2 id="send-to-title">{t('sendToTitle')}</h2>
      <p class="muted">{t('sendToIntro')}</p>
      <ServerForm kind="readeck" status={status} onStatus={setStatus} />
      <ServerForm kind="wallabag" status={status} onStatus={setStatus} />
    </section>
  );
}
