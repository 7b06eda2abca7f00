/** The reader's keyboard shortcuts, as data: the handler and the `?` overlay both read this. */
import type { PlainKey } from '../i18n';
import { shortcutForKey, type KeyLike } from '../components/shortcut-keys';

export type ReaderCommand =
  | 'font-larger'
  | 'font-smaller'
  | 'next-theme'
  | 'next-heading'
  | 'previous-heading'
  | 'back-to-original'
  | 'next-article'
  | 'toggle-contents'
  | 'toggle-settings'
  | 'read-aloud'
  | 'next-paragraph'
  | 'previous-paragraph'
  | 'save'
  | 'highlight'
  | 'add-note'
  | 'next-highlight'
  | 'previous-highlight'
  | 'show-shortcuts';

export interface Shortcut {
  command: ReaderCommand;
  /** `KeyboardEvent.key` values that trigger it. */
  keys: string[];
  label: PlainKey;
}

export const SHORTCUTS: Shortcut[] = [
  { command: 'font-larger', keys: ['+', '='], label: 'shortcutFontLarger' },
  { command: 'font-smaller', keys: ['-', '_'], label: 'shortcutFontSmaller' },
  { command: 'next-theme', keys: ['t'], label: 'shortcutTheme' },
  // `h` and `n` act on selected text (`n` was once also "next heading", which `j` is).
  { command: 'highlight', keys: ['h'], label: 'shortcutHighlight' },
  { command: 'add-note', keys: ['n'], label: 'shortcutNote' },
  { command: 'next-highlight', keys: ['}'], label: 'shortcutNextHighlight' },
  { command: 'previous-highlight', keys: ['{'], label: 'shortcutPreviousHighlight' },
  { command: 'next-heading', keys: ['j'], label: 'shortcutNextHeading' },
  { command: 'previous-heading', keys: ['k', 'p'], label: 'shortcutPreviousHeading' },
  { command: 'toggle-contents', keys: ['c'], label: 'shortcutContents' },
  { command: 'toggle-settings', keys: ['a'], label: 'shortcutSettings' },
  { command: 'read-aloud', keys: ['r'], label: 'shortcutReadAloud' },
  { command: 'next-paragraph', keys: [']'], label: 'shortcutNextParagraph' },
  { command: 'previous-paragraph', keys: ['['], label: 'shortcutPreviousParagraph' },
  { command: 'save', keys: ['s'], label: 'shortcutSave' },
  { command: 'back-to-original', keys: ['b'], label: 'shortcutBack' },
  // Shift: `n` alone is a note on selected text.
  { command: 'next-article', keys: ['N'], label: 'shortcutNextArticle' },
  { command: 'show-shortcuts', keys: ['?'], label: 'shortcutHelp' },
];

/**
 * The command a key press asks for, if any. Modified presses belong to the browser and the
 * system; `available` leaves out commands the page cannot perform (no saving yet, no original tab).
 */
export function commandForKey(event: KeyLike, available: ReadonlySet<ReaderCommand>): ReaderCommand | null {
  return shortcutForKey(event, SHORTCUTS, available);
}
