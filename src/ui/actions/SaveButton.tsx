import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useApi } from '../stores/context';
import { createSaveStore, type SaveState, type SaveStore } from '../stores/createSaveStore';
import type { PlainKey, Translate } from '../i18n';
import { ActionButton } from './ActionBar';
import type { ActionSlotProps } from './slots';

/** The reader's `s` shortcut presses this button, so both paths behave the same. */
export const SAVE_BUTTON_CLASS = 'action--save';
export const SAVED_BUTTON_CLASS = 'action--saved';

const NOTES: Record<NonNullable<Extract<SaveState, { kind: 'saved' }>['note']>, PlainKey> = {
  'downloading-images': 'savedDownloadingImages',
  'images-remote': 'savedImagesRemote',
  'images-failed': 'savedImagesFailed',
};

function noteText(state: SaveState, t: Translate): string | null {
  if (state.kind === 'failed') return t('saveFailed', state.message);
  if (state.kind !== 'saved') return null;
  if (state.note) return t(NOTES[state.note]);
  return state.isFresh ? t('savedToLibrary', state.title) : null;
}

/** Before the browser asks for access to sites, say why: the pictures, and only them. */
function ImageAccessOffer({ store }: { store: SaveStore }) {
  const { t } = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const isOpen = store.state.value.kind === 'offer';
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!isOpen && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      class="dialog save-offer"
      aria-labelledby="save-offer-title"
      aria-describedby="save-offer-text"
      onClose={() => store.cancelOffer()}
      // Keys stay in the dialog: the toolbar around it moves focus with the arrow keys.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id="save-offer-title">{t('imageOfferTitle')}</h2>
      <p id="save-offer-text">{t('imageOfferText')}</p>
      <div class="save-offer__actions">
        <button
          type="button"
          class="button button--primary"
          autofocus
          // The browser's prompt needs this click: the request is the first thing it does.
          onClick={() => void store.allowImagesAndSave()}
        >
          {t('imageOfferAllow')}
        </button>
        <button type="button" class="button" onClick={() => void store.saveTextOnly()}>
          {t('imageOfferTextOnly')}
        </button>
        <button type="button" class="button" onClick={() => store.cancelOffer()}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}

/** "Save for offline": becomes "Saved", which opens the saved copy. */
export function SaveButton({ surface, article, tabId, savedId = null, original = null }: ActionSlotProps) {
  const api = useApi();
  const { t } = api;
  const store = useMemo(
    () => createSaveStore(api, { article, tabId, savedId, original }),
    [api, article, tabId, savedId, original],
  );
  useEffect(() => void store.start(), [store]);
  const state = store.state.value;
  const isLabelShown = surface !== 'sidepanel';
  const note = noteText(state, t);

  // A plain "Saved" confirmation fades after a while; warnings and errors stay until dismissed.
  useEffect(() => {
    if (state.kind !== 'saved' || !state.isFresh || state.note) return undefined;
    const timer = setTimeout(() => store.dismissNote(), 6000);
    return () => clearTimeout(timer);
  }, [state, store]);

  const button =
    state.kind === 'saved' ? (
      <ActionButton
        icon="saved"
        class={`${SAVE_BUTTON_CLASS} ${SAVED_BUTTON_CLASS}`}
        label={t('saved')}
        accessibleLabel={savedId === state.id ? t('savedOpenLibrary') : t('savedOpenCopy')}
        isLabelShown={isLabelShown}
        onClick={() => {
          if (savedId === state.id) void api.openLibrary();
          else void api.library.openSaved(state.id).then(() => api.closePopup());
        }}
      />
    ) : (
      <ActionButton
        icon="save"
        class={SAVE_BUTTON_CLASS}
        label={state.kind === 'saving' ? t('saving') : t('saveForOffline')}
        isLabelShown={isLabelShown}
        isBusy={state.kind === 'saving'}
        disabled={!store.canSave || state.kind === 'checking' || state.kind === 'saving'}
        onClick={() => void store.save()}
      />
    );

  return (
    <>
      {button}
      {state.kind === 'offer' && <ImageAccessOffer store={store} />}
      {/* A live region (not role=status, which the surfaces' own announcer is): present before
          its text changes, so screen readers announce the note. */}
      <div class="save-note-region" aria-live="polite">
        {note && (
          <div class={`save-note${state.kind === 'failed' ? ' save-note--error' : ''}`}>
            <p role={state.kind === 'failed' ? 'alert' : undefined}>{note}</p>
            <button type="button" class="button button--small" onClick={() => store.dismissNote()}>
              {t('dismiss')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
