/**
 * Single-key shortcuts of the extension's pages (the reader, the library): what a key press asks
 * for, as data the page's handler and its `?` overlay both read. The same conventions everywhere:
 * plain keys only (modified presses belong to the browser and the system, Shift aside), never while
 * typing, and two-key sequences written with a space ("g i": g, then i). A letter is written in
 * lower case when either case will do (Caps Lock on) and in upper case when it takes Shift ("N").
 */
import type { PlainKey } from '../i18n';

export interface KeyShortcut<C extends string = string> {
  command: C;
  /** `KeyboardEvent.key` values that trigger it, or a sequence of two ("g i"). */
  keys: string[];
  label: PlainKey;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
}

/** Where typing must keep its meaning: form fields and editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select') !== null;
}

/** The key as the tables write it: letters in lower case. */
function keyName(event: KeyLike): string {
  return event.key.length === 1 ? event.key.toLowerCase() : event.key;
}

/** A key written as an upper-case letter: it takes Shift. */
export function isShiftedLetter(key: string): boolean {
  return key.length === 1 && key !== key.toLowerCase();
}

/** The shortcut a single key press asks for among `shortcuts`, if any is available. */
export function shortcutForKey<C extends string>(
  event: KeyLike,
  shortcuts: readonly KeyShortcut<C>[],
  available: ReadonlySet<C>,
): C | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  const key = keyName(event);
  const shifted = event.shiftKey === true && event.key.length === 1 ? event.key.toUpperCase() : null;
  const isShiftMatch = (k: string) => isShiftedLetter(k) && k === shifted;
  const isPlainMatch = (k: string) => !isShiftedLetter(k) && (k === key || k === event.key);
  // Shift+N before `n`, which either case triggers; one key may serve two commands (`n`: a note on
  // selected text), and then the first available one wins.
  const match =
    shortcuts.find((s) => s.keys.some(isShiftMatch) && available.has(s.command)) ??
    shortcuts.find((s) => s.keys.some(isPlainMatch) && available.has(s.command));
  return match?.command ?? null;
}

/** How long the second key of a sequence may follow the first. */
const SEQUENCE_MS = 1500;

/**
 * A reader of key presses for a table with sequences: returns the command a press completes,
 * `'pending'` for the first key of a sequence (the page should swallow it), or null.
 */
export function createShortcutReader<C extends string>(
  shortcuts: readonly KeyShortcut<C>[],
  now: () => number = Date.now,
): (event: KeyLike, available: ReadonlySet<C>) => C | 'pending' | null {
  let prefix: { key: string; at: number } | null = null;
  const firsts = new Set(shortcuts.flatMap((s) => s.keys.filter((k) => k.includes(' ')).map((k) => k.split(' ')[0])));
  return (event, available) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) {
      prefix = null;
      return null;
    }
    const key = keyName(event);
    const started = prefix && now() - prefix.at <= SEQUENCE_MS ? prefix.key : null;
    prefix = null;
    if (started) {
      const match = shortcuts.find((s) => s.keys.includes(`${started} ${key}`));
      if (match && available.has(match.command)) return match.command;
    }
    if (firsts.has(key)) {
      prefix = { key, at: now() };
      return 'pending';
    }
    return shortcutForKey(event, shortcuts, available);
  };
}
