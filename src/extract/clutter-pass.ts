/**
 * Removes clutter found by the shared rules (src/clutter) from the copy of the page Readability
 * runs on. Guards on top of the rules' own: a match that holds a large share of
 * the prose is more likely a mislabelled article than clutter, and stays.
 */
import { findClutter, paragraphChars, type ClutterMatch, type CompiledClutter } from '../clutter';
import { countRemoval } from './removal-counts';
import type { RemovedCounts } from './types';

export interface ClutterPassOptions {
  protect: readonly Element[];
  /** Keep comment threads: they are detached and returned instead of dropped. */
  keepComments: boolean;
  removed: RemovedCounts;
  maxTextNodes?: number;
  /** The page's classification by the rules' selectors, when the caller has it. */
  classified?: readonly (readonly [Element, string])[];
}

/** Share of `root`'s paragraph text above which a non-comment match is kept. */
const MAX_SHARE = 0.4;

function isTooValuable(match: ClutterMatch, total: number): boolean {
  if (match.category === 'comments' || total === 0) return false;
  return paragraphChars(match.element) > total * MAX_SHARE;
}

/** Returns the comment threads it detached when `keepComments` is set. */
export function removeClutter(root: Element, compiled: CompiledClutter, options: ClutterPassOptions): Element[] {
  const matches = findClutter(root, compiled, {
    protect: options.protect,
    text: true,
    maxTextNodes: options.maxTextNodes,
    classified: options.classified,
  });
  const total = paragraphChars(root);
  const kept: Element[] = [];
  for (const match of matches) {
    if (!match.element.isConnected || isTooValuable(match, total)) continue;
    if (match.category === 'comments' && options.keepComments) {
      if (match.by === 'selector' && match.element.tagName !== 'A') kept.push(match.element);
      match.element.remove();
      continue;
    }
    match.element.remove();
    countRemoval(options.removed, match.category);
  }
  return kept;
}
