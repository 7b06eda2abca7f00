/**
 * The player a video teaser introduces ("WATCH: <title>" with no link): a lead-in block is a
 * teaser when a player holds it or follows it, never when prose does.
 */
import { isRootLike, trimmedText } from './dom';
import { isProtected } from './guard';

/** What plays a video or audio, or holds a player a script fills in. */
const PLAYER = 'video, audio, iframe, embed, object, [class*="video" i], [class*="player" i], [data-video-id]';
/** A player's own text (a caption, a duration) stays short; more is prose. */
const MAX_PLAYER_TEXT = 200;

function isPlayer(element: Element): boolean {
  return (
    (element.matches(PLAYER) || element.querySelector(PLAYER) !== null) &&
    trimmedText(element).length <= MAX_PLAYER_TEXT
  );
}

/**
 * The player a lead-in block introduces: the block itself when it holds one (a figure and its
 * caption), or the element right after it (or after the wrapper that holds nothing but it).
 */
export function playerOf(block: Element, blockText: string, protect: readonly Element[]): Element | null {
  if (block.querySelector(PLAYER) !== null && blockText.length <= MAX_PLAYER_TEXT) return block;
  let from: Element = block;
  while (!from.nextElementSibling) {
    const parent = from.parentElement;
    if (!parent || isRootLike(parent) || isProtected(parent, protect) || trimmedText(parent) !== blockText) return null;
    from = parent;
  }
  const next = from.nextElementSibling;
  return next && !isProtected(next, protect) && isPlayer(next) ? next : null;
}
