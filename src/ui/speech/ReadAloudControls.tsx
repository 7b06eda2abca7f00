import { ActionButton } from '../actions/ActionBar';
import { useApi } from '../stores/context';
import { LIMITS } from '../settings/reader-settings';
import type { ReadAloudStore } from './createReadAloudStore';
import { speechErrorKey } from './speech-errors';

const RATES: number[] = [];
for (let r: number = LIMITS.speechRate.min; r <= LIMITS.speechRate.max; r += LIMITS.speechRate.step) RATES.push(r);

/** Play/pause, paragraph skips, speed and voice; explains itself when the browser has no voices. */
export function ReadAloudControls({ store, idPrefix }: { store: ReadAloudStore; idPrefix: string }) {
  const { t } = useApi();
  const status = store.status.value;
  const isUnavailable = status === 'unavailable';
  const isPlaying = status === 'playing';
  const isActive = status === 'playing' || status === 'paused';
  return (
    <div class="read-aloud" role="group" aria-label={t('readAloud')}>
      <ActionButton
        icon="previous"
        label={t('previousParagraph')}
        disabled={!isActive}
        onClick={() => store.skipBlock(-1)}
        class="read-aloud__previous"
      />
      <ActionButton
        icon={isPlaying ? 'pause' : 'speaker'}
        label={isPlaying ? t('pauseReading') : t('readAloud')}
        isLabelShown
        disabled={isUnavailable}
        pressed={isPlaying}
        onClick={() => store.toggle()}
        class="read-aloud__play"
      />
      <ActionButton
        icon="next"
        label={t('nextParagraph')}
        disabled={!isActive}
        onClick={() => store.skipBlock(1)}
        class="read-aloud__next"
      />
      {isActive && (
        <ActionButton icon="stop" label={t('stopReading')} onClick={() => store.stop()} class="read-aloud__stop" />
      )}
      {isActive && (
        <>
          <label class="visually-hidden" for={`${idPrefix}-rate`}>
            {t('readingSpeed')}
          </label>
          <select
            id={`${idPrefix}-rate`}
            class="select"
            value={String(store.rate.value)}
            onChange={(e) => store.setRate(Number(e.currentTarget.value))}
          >
            {RATES.map((r) => (
              <option key={r} value={String(r)}>
                {t('speedTimes', String(r))}
              </option>
            ))}
          </select>
          {store.voices.value.length > 1 && (
            <>
              <label class="visually-hidden" for={`${idPrefix}-voice`}>
                {t('voice')}
              </label>
              <select
                id={`${idPrefix}-voice`}
                class="select"
                value={store.voice.value?.uri ?? ''}
                onChange={(e) => store.setVoice(e.currentTarget.value)}
              >
                {store.voices.value.map((v) => (
                  <option key={v.uri} value={v.uri}>
                    {v.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </>
      )}
      {isUnavailable && <span class="read-aloud__note">{t('noVoices')}</span>}
      {store.error.value && (
        <span class="read-aloud__note" role="alert">
          {t('speechFailed', t(speechErrorKey(store.error.value)))}
        </span>
      )}
    </div>
  );
}
