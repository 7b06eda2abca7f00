import { useEffect, useRef } from 'preact/hooks';
import type { CommandShortcut } from '../api/surface-api';
import { useApi } from '../stores/context';
import { isShiftedLetter, type KeyShortcut } from './shortcut-keys';

/** One key; a capital letter is written with the Shift it takes ("Shift + N"). */
function Key({ name }: { name: string }) {
  const { t } = useApi();
  if (!isShiftedLetter(name)) return <kbd>{name}</kbd>;
  return (
    <>
      <kbd>{t('keyShift')}</kbd>+<kbd>{name}</kbd>
    </>
  );
}

/** One shortcut's keys: alternatives apart ("j / n"), a sequence's keys one after the other ("g i"). */
function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((alternative, i) => (
        <>
          {i > 0 && ' / '}
          {alternative.split(' ').map((k, j) => (
            <>
              {j > 0 && ' '}
              <Key name={k} />
            </>
          ))}
        </>
      ))}
    </>
  );
}

/** The `?` overlay: a modal dialog (native focus trap, Escape closes) listing the page's shortcuts. */
export function ShortcutsDialog(props: {
  isOpen: boolean;
  /** The shortcuts available now, in the order to list them. */
  shortcuts: readonly KeyShortcut[];
  browserCommands: CommandShortcut[];
  onClose: () => void;
}) {
  const { t } = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.isOpen && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!props.isOpen && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [props.isOpen]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="shortcuts-title" onClose={props.onClose}>
      <div class="dialog__header">
        <h2 id="shortcuts-title">{t('keyboardShortcuts')}</h2>
        <button type="button" class="button button--small" onClick={props.onClose} autofocus>
          {t('close')}
        </button>
      </div>
      <dl class="shortcuts">
        {props.shortcuts.map((s) => (
          <div key={s.command} class="shortcuts__row">
            <dt>
              <Keys keys={s.keys} />
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
        {props.browserCommands
          .filter((c) => c.shortcut)
          .map((c) => (
            <div key={c.name} class="shortcuts__row">
              <dt>
                <kbd>{c.shortcut}</kbd>
              </dt>
              <dd>{c.description}</dd>
            </div>
          ))}
      </dl>
    </dialog>
  );
}
