import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightRecord } from '../../highlights/types';
import { useApi } from '../stores/context';
import { COLOR_NAMES } from './color-names';

/**
 * A highlight's colour and note, and its deletion: a modal dialog (the browser traps focus in it
 * and Escape closes it), opened by clicking a highlight, from the panel, or for a new note.
 */
export function HighlightEditor(props: {
  highlight: HighlightRecord;
  onSave: (change: { color: HighlightColor; note: string }) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { t } = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [color, setColor] = useState(props.highlight.color);
  const [note, setNote] = useState(props.highlight.note);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, []);
  const quote = props.highlight.quote.exact.replace(/\s+/g, ' ').trim();
  return (
    <dialog ref={ref} class="dialog highlight-editor" aria-labelledby="highlight-editor-title" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave({ color, note });
        }}
      >
        <div class="dialog__header">
          <h2 id="highlight-editor-title">{t('highlightEdit')}</h2>
          <button type="button" class="button button--small" onClick={props.onClose}>
            {t('close')}
          </button>
        </div>
        <blockquote class="highlight-editor__quote">
          {quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}
        </blockquote>
        <fieldset>
          <legend class="visually-hidden">{t('highlightColor')}</legend>
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class={`swatch swatch--${c}`}
              aria-label={t(COLOR_NAMES[c])}
              aria-pressed={c === color}
              onClick={() => setColor(c)}
            />
          ))}
        </fieldset>
        <label for="highlight-note">{t('highlightNote')}</label>
        <textarea id="highlight-note" value={note} autofocus onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="dialog__actions">
          <button type="submit" class="button button--primary">
            {t('highlightSaveNote')}
          </button>
          <button type="button" class="button" onClick={props.onDelete}>
            {t('highlightDelete')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
