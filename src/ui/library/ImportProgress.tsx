import type { ImportStore } from '../stores/createImportStore';
import { useApi } from '../stores/context';

/**
 * A running import in the library's dock (it stays when the Export and import menu closes): a
 * progress bar, the count ("1,200 of 10,000 articles") and Cancel, which keeps what was stored.
 */
export function ImportProgress({ imports }: { imports: ImportStore }) {
  const { t, uiLanguage } = useApi();
  const step = imports.step.value;
  if (!step) return null;
  const isReading = step.state === 'reading';
  const isCancelling = imports.isCancelling.value;
  return (
    <section class="import-progress" aria-labelledby="import-progress-label">
      <label id="import-progress-label" for="import-progress-bar" class="import-progress__label">
        {isReading ? t('importReading') : t('importStoring')}
      </label>
      {/* Without a value while the file is read: an indeterminate bar. */}
      <progress
        id="import-progress-bar"
        class="import-progress__bar"
        max={isReading ? undefined : Math.max(step.total, 1)}
        value={isReading ? undefined : step.done}
        aria-describedby="import-progress-count"
      />
      <span id="import-progress-count" class="import-progress__count">
        {isReading ? '' : t('importCount', step.total, [new Intl.NumberFormat(uiLanguage).format(step.done)])}
      </span>
      <button type="button" class="button" disabled={isCancelling} onClick={() => imports.cancel()}>
        {isCancelling ? t('importCancelling') : t('importCancel')}
      </button>
    </section>
  );
}
