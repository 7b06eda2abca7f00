/**
 * Extension points of the action bars, filled by later issues without touching each surface:
 * - `SaveActionSlot`: "Save for offline" (issue 5) — a button that becomes "Saved" with a link to
 *   the saved copy. The reader's `s` shortcut already saves through `api.library.saveTab`.
 * - `PageClutterSlot`: the "Hide comments" / "Hide promos" switches for the site, with what was
 *   hidden, in the popup (issue 6).
 */
import type { ExtractResult } from '../../extract/types';
import { PageClutterControls } from '../clutter/PageClutterControls';

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

/** Shown whether or not the page is an article: a forum or a front page has clutter too. */
export function PageClutterSlot({ surface, tabId }: { surface: Surface; tabId: number | null }) {
  if (surface !== 'popup' || tabId === null) return null;
  return <PageClutterControls tabId={tabId} />;
}
