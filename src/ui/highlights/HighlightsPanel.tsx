import type { AnchoredHighlight } from '../../highlights/anchor-text';
import type { HighlightRecord } from '../../highlights/types';
import { useApi } from '../stores/context';
import { COLOR_NAMES } from './color-names';

function shortQuote(text: string): string {
  const quote = text.replace(/\s+/g, ' ').trim();
  return quote.length > 200 ? `${quote.slice(0, 200)}…` : quote;
}

/**
 * The article's highlights in reading order, each with its note; choosing one scrolls to it.
 * Highlights the article's text no longer has are listed apart, with their text, never dropped.
 */
export function HighlightsPanel(props: {
  id: string;
  anchored: readonly AnchoredHighlight[];
  orphaned: readonly HighlightRecord[];
  current: string | null;
  deleted: HighlightRecord | null;
  onGo: (id: string) => void;
  onEdit: (id: string) => void;
  onUndo: () => void;
}) {
  const { t } = useApi();
  const item = (h: HighlightRecord, isOrphan: boolean) => (
    <li
      key={h.id}
      class={`highlight-item highlight-item--${h.color}`}
      aria-current={props.current === h.id ? 'location' : undefined}
    >
      {isOrphan ? (
        <p class="highlight-item__quote">{shortQuote(h.quote.exact)}</p>
      ) : (
        <button type="button" class="highlight-item__quote" onClick={() => props.onGo(h.id)}>
          <span class="visually-hidden">{t(COLOR_NAMES[h.color])}: </span>
          {shortQuote(h.quote.exact)}
        </button>
      )}
      {h.note && <p class="highlight-item__note">{h.note}</p>}
      <button type="button" class="button button--small" onClick={() => props.onEdit(h.id)}>
        {h.note ? t('highlightEditNote') : t('highlightAddNote')}
      </button>
    </li>
  );
  return (
    <section id={props.id} class="popover highlights-panel" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{t('highlightsPanel')}</h2>
      {props.deleted && (
        <p role="status">
          {t('highlightDeleted')}{' '}
          <button type="button" class="button button--small" onClick={props.onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {props.anchored.length === 0 && props.orphaned.length === 0 && <p class="muted">{t('highlightsEmpty')}</p>}
      {props.anchored.length > 0 && <ol>{props.anchored.map((a) => item(a.highlight, false))}</ol>}
      {props.orphaned.length > 0 && (
        <>
          <h3>{t('highlightsOrphaned')}</h3>
          <ul class="highlights-panel__orphaned">{props.orphaned.map((h) => item(h, true))}</ul>
        </>
      )}
    </section>
  );
}
