import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ActionBar, ActionButton } from '../actions/ActionBar';
import { SaveActionSlot, type Surface } from '../actions/slots';
import { ArticleView } from '../article/ArticleView';
import type { OutlineEntry } from '../article/sanitize-article';
import { articleToMarkdown } from '../article/to-markdown';
import { createHighlightsStore } from '../highlights/createHighlightsStore';
import { HighlightEditor } from '../highlights/HighlightEditor';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { highlightedCopy } from '../highlights/paint-highlights';
import { SelectionToolbar } from '../highlights/SelectionToolbar';
import { useHighlights } from '../highlights/useHighlights';
import type { HighlightColor } from '../../highlights/types';
import { SettingsPanel } from '../settings/SettingsPanel';
import { ReadAloudControls } from '../speech/ReadAloudControls';
import { useReadAloud } from '../speech/useReadAloud';
import type { ReadingQueue } from '../api/library-api';
import type { LoadedArticle } from '../stores/article-source';
import { useApi, useSettings } from '../stores/context';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { DEFAULT_QUEUE } from '../../shared/reader-url';
import { SHORTCUTS } from './keymap';
import { OpenedByItselfNote } from '../always-reader/OpenedByItselfNote';
import { ReadNext } from './ReadNext';
import { TableOfContents } from './TableOfContents';
import { useReaderKeys } from './useReaderKeys';
import { useReadNext } from './useReadNext';
import { useSavedPosition } from './useSavedPosition';
import { useScrollPosition } from './useScrollPosition';

/** Long enough to deserve a table of contents. */
const MIN_OUTLINE = 3;
/** One empty outline for surfaces without contents: a fresh `[]` each render re-ran the scroll
 * effect after every render, which set state again, re-rendering the side panel every frame. */
const NO_OUTLINE: OutlineEntry[] = [];

export interface ReadingSurfaceProps {
  surface: Exclude<Surface, 'popup'>;
  loaded: LoadedArticle;
  /** The library list the reader came from, for "Read next" at the end of a saved article. */
  queue?: ReadingQueue;
  /** The address hands read aloud over from the article before. */
  continuesReadAloud?: boolean;
}

/** The article with the reading tools of the side panel and the full-tab reader. */
export function ReadingSurface({
  surface,
  loaded,
  queue = DEFAULT_QUEUE,
  continuesReadAloud = false,
}: ReadingSurfaceProps) {
  const api = useApi();
  const { t } = api;
  const { article, tabId, saved, original } = loaded;
  const isReader = surface === 'reader';
  const [body, setBody] = useState<HTMLElement | null>(null);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const [isContentsOpen, setContentsOpen] = useState(true);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const onBodyReady = useCallback((el: HTMLElement, entries: OutlineEntry[]) => {
    setBody(el);
    setOutline(entries);
  }, []);
  const readAloud = useReadAloud(body, article.lang ?? api.uiLanguage);
  const readNext = useReadNext({
    savedId: isReader ? (saved?.id ?? null) : null,
    queue,
    continuesReadAloud,
    readAloud,
    announce: setAnnouncement,
  });
  const isReadingAloud = readAloud?.status.value === 'playing' || readAloud?.status.value === 'paused';
  const { progress, section } = useScrollPosition(isReader ? outline : NO_OUTLINE);
  const settings = useSettings();
  useSavedPosition(isReader ? body : null, saved, settings.isLoaded.value);
  const hasContents = isReader && outline.length >= MIN_OUTLINE;
  const highlights = useMemo(
    () =>
      createHighlightsStore(api, {
        article,
        tabId,
        savedId: saved?.id ?? null,
        savedHighlights: saved?.highlights,
        announce: setAnnouncement,
      }),
    [api, article, tabId, saved?.id],
  );
  const marks = useHighlights(highlights, body);
  const [isHighlightsOpen, setHighlightsOpen] = useState(false);
  // A saved article, or a live one that highlighting can save.
  const canHighlight = saved !== undefined || tabId !== null;
  const editing = highlights.records.value.find((r) => r.id === highlights.editing.value) ?? null;
  const highlightCount = highlights.records.value.length;

  const highlightSelection = async (color: HighlightColor, withNote = false) => {
    const span = marks.selection() ?? marks.spot?.span;
    if (!span) return;
    const record = await highlights.add(span, color);
    marks.clearSelection();
    if (record && withNote) highlights.editing.value = record.id;
  };
  const stepHighlight = (direction: 1 | -1) => {
    const found = highlights.step(direction);
    if (found) marks.scrollTo(found.id);
  };
  const id = (name: string) => `${surface}-${name}`;

  useEffect(() => {
    if (isReader) document.title = t('readerDocumentTitle', article.title);
  }, [isReader, article.title, t]);

  const jumpTo = useCallback((headingId: string) => {
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, []);

  const copyMarkdown = async () => {
    if (!body) return;
    try {
      await navigator.clipboard.writeText(articleToMarkdown(article, highlightedCopy(body, highlights.anchored.value)));
      setAnnouncement(t('copiedMarkdown'));
    } catch {
      setAnnouncement(t('copyFailed'));
    }
  };

  const showOriginal = useMemo(
    () => (isReader && original ? () => void api.alwaysReader.showOriginal(original) : undefined),
    [api, isReader, original],
  );
  const { available, browserCommands } = useReaderKeys({
    isEnabled: isReader,
    outline,
    hasContents,
    tabId,
    onBackToOriginal: showOriginal,
    readAloud,
    onToggleContents: () => setContentsOpen((open) => !open),
    onToggleSettings: () => setSettingsOpen((open) => !open),
    onShowHelp: () => setHelpOpen(true),
    onJump: jumpTo,
    onNextArticle: readNext?.open,
    announce: setAnnouncement,
    highlights: canHighlight
      ? {
          hasSelection: () => marks.selection() !== null,
          count: highlightCount,
          highlight: () => void highlightSelection(highlights.lastColor.value),
          note: () => void highlightSelection(highlights.lastColor.value, true),
          step: stepHighlight,
        }
      : undefined,
  });

  return (
    <div class={`surface surface--${surface}`}>
      <a class="skip-link" href="#article-title" onClick={() => jumpTo('article-title')}>
        {t('skipToArticle')}
      </a>
      <header class="surface__bar">
        <ActionBar label={t('articleActions')}>
          {isReader && tabId !== null && (
            <ActionButton icon="back" label={t('backToOriginal')} onClick={() => void api.showTab(tabId)} />
          )}
          {showOriginal && (
            <ActionButton
              icon="back"
              label={t('backToOriginal')}
              isLabelShown
              class="action--original"
              onClick={showOriginal}
            />
          )}
          {!isReader && tabId !== null && (
            <ActionButton icon="reader" label={t('openReader')} onClick={() => void api.openReader(tabId)} />
          )}
          {hasContents && (
            <ActionButton
              icon="contents"
              label={t('contents')}
              expanded={isContentsOpen}
              controls={id('contents')}
              onClick={() => setContentsOpen(!isContentsOpen)}
            />
          )}
          <ActionButton
            icon="settings"
            label={t('readingSettings')}
            expanded={isSettingsOpen}
            controls={id('settings')}
            onClick={() => setSettingsOpen(!isSettingsOpen)}
            class="action--settings"
          />
          <SaveActionSlot
            // Asked again once a highlight has saved the live article.
            key={highlights.articleId.value ?? 'unsaved'}
            surface={surface}
            article={article}
            tabId={tabId}
            savedId={saved?.id ?? null}
            original={original ?? null}
          />
          {canHighlight && (
            <ActionButton
              icon="highlight"
              label={t('highlightsPanel')}
              accessibleLabel={t('highlightsCount', highlightCount)}
              expanded={isHighlightsOpen}
              controls={id('highlights')}
              onClick={() => setHighlightsOpen(!isHighlightsOpen)}
              class="action--highlights"
            />
          )}
          <ActionButton icon="copy" label={t('copyMarkdown')} onClick={() => void copyMarkdown()} />
          <ActionButton icon="print" label={t('print')} onClick={() => window.print()} />
          {isReader && (
            <ActionButton icon="keyboard" label={t('keyboardShortcuts')} onClick={() => setHelpOpen(true)} />
          )}
        </ActionBar>
        {readAloud && <ReadAloudControls store={readAloud} idPrefix={id('speech')} />}
        {isReader && <progress class="progress" max={100} value={progress} aria-label={t('readingProgress')} />}
      </header>
      {showOriginal && original && <OpenedByItselfNote page={original} />}
      {isSettingsOpen && (
        <section id={id('settings')} class="popover" aria-label={t('readingSettings')}>
          <SettingsPanel idPrefix={id('settings')} />
        </section>
      )}
      {isHighlightsOpen && (
        <HighlightsPanel
          id={id('highlights')}
          anchored={highlights.anchored.value}
          orphaned={highlights.orphaned.value}
          current={highlights.current.value}
          deleted={highlights.deleted.value}
          onGo={(highlightId) => marks.scrollTo(highlightId)}
          onEdit={(highlightId) => (highlights.editing.value = highlightId)}
          onUndo={() => void highlights.undoRemove()}
        />
      )}
      {canHighlight && marks.spot && (
        <SelectionToolbar
          spot={marks.spot}
          onHighlight={(color) => void highlightSelection(color)}
          onNote={() => void highlightSelection(highlights.lastColor.value, true)}
        />
      )}
      {editing && (
        <HighlightEditor
          key={editing.id}
          highlight={editing}
          onSave={(change) => {
            highlights.editing.value = null;
            void highlights.update(editing.id, change);
          }}
          onDelete={() => {
            highlights.editing.value = null;
            void highlights.remove(editing.id);
          }}
          onClose={() => (highlights.editing.value = null)}
        />
      )}
      <div class="reading-layout">
        {hasContents && isContentsOpen && (
          <TableOfContents id={id('contents')} outline={outline} current={section} onJump={jumpTo} />
        )}
        <main class="surface__content">
          <ArticleView
            article={article}
            onBodyReady={onBodyReady}
            savedId={saved?.id ?? null}
            announce={setAnnouncement}
          />
          {readNext && <ReadNext next={readNext.next} isReadingAloud={isReadingAloud} />}
        </main>
      </div>
      {isReader && (
        <ShortcutsDialog
          isOpen={isHelpOpen}
          shortcuts={SHORTCUTS.filter((s) => available.has(s.command))}
          browserCommands={browserCommands}
          onClose={() => setHelpOpen(false)}
        />
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
