/** Public surface of the clutter rules, shared by extraction and the live-page hider. */
export { compileClutterRules, EXCEPTION, type CompiledClutter, type CompileOptions } from './compile';
export { findClutter, selectorCategory, type ClutterMatch, type FindClutterOptions } from './find-clutter';
export {
  exceptionSet,
  findBodyAnchor,
  isDiscussionPage,
  isException,
  isProtected,
  proseParagraphs,
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
export { hostMatches, isValidHostPattern } from './host-pattern';
export { normaliseLabel } from './normalise';
export { DEFAULT_CLUTTER_RULES } from './rules';
export { clutterStylesheet, type StylesheetOptions } from './stylesheet';
export { blockHeadedBy, findTextSignals, type TextSignal } from './text-signals';
export { CLUTTER_CATEGORIES, type ClutterCategory, type ClutterRules, type SiteRules } from './types';
