import { useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';

/** Tags typed as "a, b": each trimmed, empty ones left out. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Tags for the articles `store.tagging` names (a row's, or the selection): add one or more, with
 * the library's tags offered as you type; a single article's tags can be removed here too.
 */
export function TagDialog({ store }: { store: LibraryStore }) {
  const { t } = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const ids = store.tagging.value;
  const isOpen = ids !== null;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      setText('');
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!isOpen && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [isOpen]);
  const close = () => (store.tagging.value = null);
  const single = ids?.length === 1 ? findLoaded(store, ids[0]!) : undefined;
  const suggestions = store.result.value?.tags ?? [];
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="tag-dialog-title" onClose={close}>
      <div class="dialog__header">
        <h2 id="tag-dialog-title">{t('tagDialogTitle', ids?.length ?? 0)}</h2>
        <button type="button" class="button button--small" onClick={close}>
          {t('close')}
        </button>
      </div>
      {single && single.tags.length > 0 && (
        <ul class="tag-editor__tags" aria-label={t('tags')}>
          {single.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}{' '}
              <button
                type="button"
                class="tag__remove"
                aria-label={t('removeTag', tag)}
                onClick={() => void store.update([single.id], { removeTags: [tag] })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tag-editor"
        onSubmit={async (e) => {
          e.preventDefault();
          const tags = parseTags(text);
          if (!ids || tags.length === 0) return;
          if (await store.update(ids, { addTags: tags })) {
            store.announce(t('announceTagged', ids.length, [tags.join(', ')]));
            close();
          }
        }}
      >
        <label class="field">
          <span>{t('tagToAdd')}</span>
          <input
            type="text"
            name="tag"
            list="tag-suggestions"
            autoComplete="off"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            autofocus
          />
        </label>
        <datalist id="tag-suggestions">
          {suggestions.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
        <button
          type="submit"
          class="button button--primary"
          disabled={store.isBusy.value || parseTags(text).length === 0}
        >
          {t('addTag')}
        </button>
      </form>
      <p class="muted tag-editor__hint">{t('tagHint')}</p>
    </dialog>
  );
}

function findLoaded(store: LibraryStore, id: string) {
  for (const items of store.pages.value.values()) {
    const found = items.find((i) => i.id === id);
    if (found) return found;
  }
  return undefined;
}
