import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { ArticleSummary } from '../api/library-api';
import { createShortcutReader } from '../components/shortcut-keys';
import type { LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import { savedReaderPathFor } from '../../shared/reader-url';
import { LIBRARY_SHORTCUTS, type LibraryCommand } from './library-keymap';

const ALL = new Set(LIBRARY_SHORTCUTS.map((s) => s.command));

/** Elements that act on Enter themselves: the key is theirs there. */
const ACTS_ON_ENTER = 'a[href], button, summary, input, select, textarea';

/**
 * The library's single-key triage. Each command acts on the selection when there is one, else on
 * the keyboard's row, and says what it did in the page's live region.
 */
export function useLibraryKeys(store: LibraryStore, options: { onShowHelp(): void; onSearch(): void }) {
  const api = useApi();
  const read = useMemo(() => createShortcutReader(LIBRARY_SHORTCUTS), []);
  // Listening from the commit that draws the rows (a layout effect; Preact runs plain effects
  // after the next frame): a key pressed as soon as the list shows is not lost.
  useLayoutEffect(() => {
    const { t } = api;
    const current = (): ArticleSummary | undefined => store.itemAt(store.cursor.value);
    const targets = (): string[] => {
      if (store.selected.value.size > 0) return [...store.selected.value];
      const item = current();
      return item ? [item.id] : [];
    };
    /** The article named in announcements: the row's, or a count for a selection. */
    const named = (ids: string[]) =>
      ids.length === 1 && current()?.id === ids[0] ? current()!.title : t('articleCount', ids.length);
    const run = async (command: LibraryCommand) => {
      const ids = targets();
      switch (command) {
        case 'next':
        case 'previous': {
          const item = store.moveCursor(command === 'next' ? 1 : -1);
          if (!item) store.announce(t('libraryEmptyShort'));
          return;
        }
        case 'open': {
          const item = current();
          if (item) location.assign(savedReaderPathFor(item.id, store.query.value));
          return;
        }
        case 'archive': {
          if (ids.length === 0) return;
          const isArchiving = store.query.value.view !== 'archived';
          const name = named(ids);
          if (await store.update(ids, { isArchived: isArchiving })) {
            store.clearSelection();
            store.announce(t(isArchiving ? 'announceArchived' : 'announceUnarchived', name));
          }
          return;
        }
        case 'favorite': {
          const item = current();
          if (ids.length === 0) return;
          const isFavorite = store.selected.value.size > 0 ? true : !item?.isFavorite;
          const name = named(ids);
          if (await store.update(ids, { isFavorite }))
            store.announce(t(isFavorite ? 'announceFavorite' : 'announceNotFavorite', name));
          return;
        }
        case 'tag':
          if (ids.length > 0) store.tagging.value = ids;
          return;
        case 'delete':
          // The notice that offers Undo says it (a live region of its own).
          if (ids.length > 0) await store.remove(ids, true);
          return;
        case 'undo': {
          const notice = store.notice.value;
          if (notice?.kind === 'deleted') {
            await store.undo(notice.undoToken);
            store.announce(t('announceRestored', notice.count));
          }
          return;
        }
        case 'select': {
          const item = current();
          if (!item) return;
          store.toggle(item.id);
          const isOn = store.selected.value.has(item.id);
          store.announce(
            `${t(isOn ? 'announceSelected' : 'announceUnselected', item.title)} ${t('selectedCount', store.selected.value.size)}`,
          );
          return;
        }
        case 'clear-selection':
          if (store.selected.value.size === 0) return;
          store.clearSelection();
          store.announce(t('announceSelectionCleared'));
          return;
        case 'search':
          options.onSearch();
          return;
        case 'go-list':
        case 'go-archive':
          await store.setQuery({ view: command === 'go-list' ? 'all' : 'archived' });
          store.announce(t(command === 'go-list' ? 'viewAll' : 'viewArchived'));
          return;
        case 'show-shortcuts':
          options.onShowHelp();
          return;
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const command = read(event, ALL);
      if (command === null) return;
      if (command === 'pending') {
        event.preventDefault();
        return;
      }
      if (event.key === 'Enter' && (event.target as Element | null)?.closest?.(ACTS_ON_ENTER)) return;
      if (command === 'clear-selection' && store.selected.value.size === 0) return;
      event.preventDefault();
      void run(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, store, read, options]);
}
