import { HIGHLIGHT_COLORS, type HighlightColor } from '../../highlights/types';
import { useApi } from '../stores/context';
import { COLOR_NAMES } from './color-names';
import type { SelectionSpot } from './useHighlights';

/**
 * The small toolbar at a selection in the article: a highlight in one of four colours, or a note.
 * Pressing its buttons keeps the selection (they take no focus from it on mouse down).
 */
export function SelectionToolbar(props: {
  spot: SelectionSpot;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
}) {
  const { t } = useApi();
  const keep = (event: Event) => event.preventDefault();
  return (
    <div
      class="selection-toolbar"
      role="toolbar"
      aria-label={t('highlightToolbar')}
      ref={(el) => {
        // Placed through CSSOM: the extension's CSP refuses style attributes in markup.
        if (el) {
          el.style.top = `${props.spot.top}px`;
          el.style.left = `${props.spot.left}px`;
        }
      }}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          class={`swatch swatch--${color}`}
          aria-label={t('highlightIn', t(COLOR_NAMES[color]))}
          title={t('highlightIn', t(COLOR_NAMES[color]))}
          onMouseDown={keep}
          onClick={() => props.onHighlight(color)}
        />
      ))}
      <button type="button" class="button button--small" onMouseDown={keep} onClick={props.onNote}>
        {t('highlightNote')}
      </button>
    </div>
  );
}
