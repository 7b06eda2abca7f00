import { useApi } from '../stores/context';
import type { MessageKey } from '../i18n';

export function Placeholder({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useApi();
  return (
    <main class="status">
      <h1>{t(titleKey)}</h1>
      <p>{t('comingSoon')}</p>
    </main>
  );
}
