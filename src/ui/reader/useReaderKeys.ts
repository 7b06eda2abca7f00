import { useEffect, useMemo, useState } from 'preact/hooks';
import { SAVE_BUTTON_CLASS, SAVED_BUTTON_CLASS } from '../actions/SaveButton';
import type { CommandShortcut } from '../api/surface-api';
import type { OutlineEntry } from '../article/sanitize-article';
import type { PlainKey } from '../i18n';
import { THEMES, nextChoice, stepFontSize, type ThemeChoice } from '../settings/reader-settings';
import type { ReadAloudStore } from '../speech/createReadAloudStore';
import { useApi, useSettings } from '../stores/context';
import { commandForKey, type ReaderCommand } from './keymap';
import { adjacentHeading } from './reading-position';

const THEME_NAMES: Record<ThemeChoice, PlainKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};

/** Height of the sticky bar: a heading just below it is "at the top". */
const BAR_HEIGHT = 96;

export interface ReaderKeysOptions {
  isEnabled: boolean;
  outline: OutlineEntry[];
  hasContents: boolean;
  tabId: number | null;
  /** Back to the page a reader took the place of in its tab (instead of the live tab `tabId`). */
  onBackToOriginal?: () => void;
  readAloud: ReadAloudStore | null;
  onToggleContents(): void;
  onToggleSettings(): void;
  onShowHelp(): void;
  onJump(id: string): void;
  /** Where the article is one of a library list (a saved article in the reader). */
  onNextArticle?: () => void;
  announce(text: string): void;
  /** Highlighting, where the surface has it: `hasSelection` says whether `h` and `n` apply now. */
  highlights?: {
    hasSelection(): boolean;
    count: number;
    highlight(): void;
    note(): void;
    step(direction: 1 | -1): void;
  };
}

/** The reader's single-key shortcuts; returns what is available now, for the `?` overlay. */
export function useReaderKeys(options: ReaderKeysOptions) {
  const api = useApi();
  const settings = useSettings();
  const [browserCommands, setBrowserCommands] = useState<CommandShortcut[]>([]);
  useEffect(() => {
    if (options.isEnabled) void api.getCommandShortcuts().then(setBrowserCommands, () => undefined);
  }, [api, options.isEnabled]);

  const speech = options.readAloud?.status.value ?? 'unavailable';
  const available = useMemo(() => {
    const set = new Set<ReaderCommand>(['font-larger', 'font-smaller', 'next-theme', 'toggle-settings']);
    set.add('show-shortcuts');
    if (options.outline.length > 0) set.add('next-heading').add('previous-heading');
    if (options.hasContents) set.add('toggle-contents');
    if (options.tabId !== null || options.onBackToOriginal) set.add('back-to-original');
    if (options.onNextArticle) set.add('next-article');
    if (speech !== 'unavailable') set.add('read-aloud').add('next-paragraph').add('previous-paragraph');
    if (options.tabId !== null) set.add('save');
    if (options.highlights) set.add('highlight').add('add-note');
    if (options.highlights?.count) set.add('next-highlight').add('previous-highlight');
    return set;
  }, [
    options.outline.length,
    options.hasContents,
    options.tabId,
    options.onBackToOriginal,
    speech,
    options.highlights,
    options.onNextArticle,
  ]);

  useEffect(() => {
    if (!options.isEnabled) return;
    const { t } = api;
    const jumpHeading = (direction: 1 | -1) => {
      const tops = options.outline.map((e) => document.getElementById(e.id)?.getBoundingClientRect().top ?? 0);
      const index = adjacentHeading(tops, direction, BAR_HEIGHT);
      const entry = index === null ? undefined : options.outline[index];
      if (entry) options.onJump(entry.id);
    };
    const run: Record<ReaderCommand, () => void> = {
      'font-larger': () => changeFontSize(1),
      'font-smaller': () => changeFontSize(-1),
      'next-theme': () => {
        const theme = nextChoice(THEMES, settings.settings.value.theme);
        void settings.update({ theme });
        options.announce(t('announceTheme', t(THEME_NAMES[theme])));
      },
      'next-heading': () => jumpHeading(1),
      'previous-heading': () => jumpHeading(-1),
      'back-to-original': () => {
        if (options.onBackToOriginal) options.onBackToOriginal();
        else if (options.tabId !== null) void api.showTab(options.tabId);
      },
      'next-article': () => options.onNextArticle?.(),
      'toggle-contents': options.onToggleContents,
      'toggle-settings': options.onToggleSettings,
      'read-aloud': () => options.readAloud?.toggle(),
      'next-paragraph': () => options.readAloud?.skipBlock(1),
      'previous-paragraph': () => options.readAloud?.skipBlock(-1),
      // The same as pressing "Save for offline": one path for the state, the access question and the notes.
      save: () => {
        const button = document.querySelector<HTMLButtonElement>(`.${SAVE_BUTTON_CLASS}`);
        if (button?.classList.contains(SAVED_BUTTON_CLASS)) options.announce(t('saved'));
        else button?.click();
      },
      highlight: () => options.highlights?.highlight(),
      'add-note': () => options.highlights?.note(),
      'next-highlight': () => options.highlights?.step(1),
      'previous-highlight': () => options.highlights?.step(-1),
      'show-shortcuts': options.onShowHelp,
    };
    function changeFontSize(direction: 1 | -1) {
      const fontSize = stepFontSize(settings.settings.value.fontSize, direction);
      void settings.update({ fontSize });
      options.announce(t('announceFontSize', String(fontSize)));
    }
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      // `h` and `n` act on selected text only.
      const now = options.highlights?.hasSelection()
        ? available
        : new Set([...available].filter((c) => c !== 'highlight' && c !== 'add-note'));
      const command = commandForKey(event, now);
      if (!command) return;
      event.preventDefault();
      run[command]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, settings, available, options]);

  return { available, browserCommands };
}
