/**
 * The library's keyboard triage, as data (the handler and the `?` overlay both read it), with
 * the reader's conventions (`src/ui/components/shortcut-keys.ts`): single plain keys, `?` lists
 * them, and the mail-client habits readers know (j/k, e, x, #, g i / g a).
 */
import type { KeyShortcut } from '../components/shortcut-keys';

export type LibraryCommand =
  | 'next'
  | 'previous'
  | 'open'
  | 'archive'
  | 'favorite'
  | 'tag'
  | 'delete'
  | 'undo'
  | 'select'
  | 'clear-selection'
  | 'search'
  | 'go-list'
  | 'go-archive'
  | 'show-shortcuts';

export const LIBRARY_SHORTCUTS: KeyShortcut<LibraryCommand>[] = [
  { command: 'next', keys: ['j'], label: 'libraryKeyNext' },
  { command: 'previous', keys: ['k'], label: 'libraryKeyPrevious' },
  { command: 'open', keys: ['o', 'Enter'], label: 'libraryKeyOpen' },
  { command: 'archive', keys: ['e'], label: 'libraryKeyArchive' },
  { command: 'favorite', keys: ['f'], label: 'libraryKeyFavorite' },
  { command: 'tag', keys: ['t'], label: 'libraryKeyTag' },
  { command: 'delete', keys: ['#'], label: 'libraryKeyDelete' },
  { command: 'undo', keys: ['z'], label: 'libraryKeyUndo' },
  { command: 'select', keys: ['x'], label: 'libraryKeySelect' },
  { command: 'clear-selection', keys: ['Escape'], label: 'libraryKeyClearSelection' },
  { command: 'search', keys: ['/'], label: 'libraryKeySearch' },
  { command: 'go-list', keys: ['g i'], label: 'libraryKeyGoList' },
  { command: 'go-archive', keys: ['g a'], label: 'libraryKeyGoArchive' },
  { command: 'show-shortcuts', keys: ['?'], label: 'shortcutHelp' },
];
