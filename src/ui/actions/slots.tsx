/**
 * Extension points of the action bars, filled by later issues without touching each surface:
 * - `SaveActionSlot`: "Save for offline" (issue 5) — a button that becomes "Saved" with a link to
 *   the saved copy. The reader's `s` shortcut already saves through `api.library.saveTab`.
 * - `PageClutterSlot`: the "Hide comments" / "Hide promos" switches for the site (issue 6), with
 *   what was hidden, in the popup.
 * Each renders nothing until its feature lands.
 */
import type { ExtractResult } from '../../extract/types';

export type Surface = 'popup' | 'sidepanel' | 'reader';

export interface ActionSlotProps {
  surface: Surface;
  article: ExtractResult;
  /** The live tab the article was read from, when there is one. */
  tabId: number | null;
}

export function SaveActionSlot(_props: ActionSlotProps) {
  return null;
}

export function PageClutterSlot(_props: ActionSlotProps) {
  return null;
}
