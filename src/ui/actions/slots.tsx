/**
 * Extension points of the action bars, filled by features without touching each surface:
 * - `SaveActionSlot`: "Save for offline" (the library): a button that becomes "Saved", which
 *   opens the saved copy. The reader's `s` shortcut presses it.
 *   With a saved copy shown, "Send to Readeck" / "Send to wallabag" follow it (the servers set up).
 * - `PageClutterSlot`: the "Hide comments" / "Hide promos" switches for the site, with what was
 *   hidden, in the popup.
 */
import type { ExtractResult } from '../../extract/types';
import { PageClutterControls } from '../clutter/PageClutterControls';
import { SaveButton } from './SaveButton';
import { SendToButtons } from './SendToButtons';

export type Surface = 'popup' | 'sidepanel' | 'reader';

export interface ActionSlotProps {
  surface: Surface;
  article: ExtractResult;
  /** The live tab the article was read from, when there is one. */
  tabId: number | null;
  /** The library entry shown, when the surface shows a saved copy (`reader.html?id=`). */
  savedId?: string | null;
  /** The page the reader took the place of in its tab, which saving then stands for (no live tab). */
  original?: string | null;
}

export function SaveActionSlot(props: ActionSlotProps) {
  return (
    <>
      <SaveButton {...props} />
      {props.savedId && <SendToButtons savedId={props.savedId} />}
    </>
  );
}

/** Shown whether or not the page is an article: a forum or a front page has clutter too. */
export function PageClutterSlot({ surface, tabId }: { surface: Surface; tabId: number | null }) {
  if (surface !== 'popup' || tabId === null) return null;
  return <PageClutterControls tabId={tabId} />;
}
