/** The reader's keyboard shortcuts, as data: the handler and the `?` overlay both read this. */
import type { PlainKey } from '../i18n';

export type ReaderCommand =
  | 'font-larger'
  | 'font-smaller'
  | 'next-theme'
  | 'next-heading'
  | 'previous-heading'
  | 'back-to-original'
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
  { command: 'show-shortcuts', keys: ['?'], label: 'shortcutHelp' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Where typing must keep its meaning: form fields and editable content. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}

/**
 * The command a key press asks for, if any. Modified presses belong to the browser and the
 * system; `available` leaves out commands the page cannot perform (no saving yet, no original tab).
 */
export function commandForKey(event: KeyLike, available: ReadonlySet<ReaderCommand>): ReaderCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const match = SHORTCUTS.find((s) => (s.keys.includes(key) || s.keys.includes(event.key)) && available.has(s.command));
  return match?.command ?? null;
}
