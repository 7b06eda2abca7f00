/** Public surface of the clutter rules, shared by extraction and the live-page hider. */
export { compileClutterRules, EXCEPTION, type CompiledClutter, type CompileOptions } from './compile';
export { classifyOutermost, classifyRegion } from './outermost';
export { commentThreadAround } from './comment-threads';
export { findClutter, selectorCategory, type ClutterMatch, type FindClutterOptions } from './find-clutter';
export {
  anchorOutsideThreads,
  findBodyAnchor,
  isDiscussionPage,
  isException,
  isProtected,
  proseOf,
  proseParagraphs,
  shieldingExceptions,
  type ProseParagraph,
} from './guard';
export {
  compileSelectorList,
  compileTaggedSelectors,
  isWithin,
  parseCompound,
  type SelectorList,
  type TaggedSelectors,
} from './selector-list';
export { hostMatches, isValidHostPattern, matchPatternsOf } from './host-pattern';
export { paragraphChars, trimmedText } from './dom';
export { normaliseLabel } from './normalise';
export { DEFAULT_CLUTTER_RULES } from './rules';
export { listStylesheet } from './list-stylesheet';
export { clutterStylesheet, hideSelectors, type StylesheetOptions } from './stylesheet';
export { blockHeadedBy, findTextSignals, type TextSignal } from './text-signals';
export { CLUTTER_CATEGORIES, type ClutterCategory, type ClutterRules, type SiteRules } from './types';
export {
  CLUTTER_ATTRIBUTE,
  GROUP_CATEGORIES,
  groupOf,
  groupStylesheet,
  HIDE_GROUPS,
  hostsKeeping,
  isGroupKeptOn,
  KEEP_ATTRIBUTE,
  MARKED_ATTRIBUTE,
  PICKED_GROUP,
  pickedStylesheet,
  SHOW_ATTRIBUTE,
  type GroupSwitches,
  type HideGroup,
  type StyleGroup,
} from './live-page';
export { robustSelector } from './robust-selector';
