/**
 * Reads a filter list (Adblock Plus / uBlock Origin / AdGuard syntax) with Ghostery's parser and
 * keeps only plain element hiding: generic `##sel`, host-specific `host##sel` and their
 * exceptions `#@#`. Scriptlets (`##+js`), procedural and extended selectors, `:style()`,
 * `:remove()` and HTML filters are dropped: we only ever add `display: none` under our guard.
 */
import { parseFilters, type CosmeticFilter } from '@ghostery/adblocker';

export const LIST_CONFIG = {
  loadNetworkFilters: false,
  loadCosmeticFilters: true,
  loadGenericCosmeticsFilters: true,
  // Extended selectors are parsed so that they can be recognised and dropped, not kept.
  loadExtendedSelectors: true,
  loadPreprocessors: false,
  enableHtmlFiltering: false,
  // Keeps each filter's own line, which is what we store.
  debug: true,
} as const;

/** Pseudo-classes of procedural filters that a parser might let through as plain CSS. */
const PROCEDURAL =
  /:(?:-abp-[\w-]+|has-text|contains|matches-css[\w-]*|matches-attr|matches-path|matches-media|min-text-length|upward|xpath|nth-ancestor|watch-attr|others|if-not|if|remove|remove-attr|remove-class|style)\(/i;

/** Whether a parsed filter is a plain element hiding rule (or its exception) that CSS can apply. */
export function isPlainHide(filter: CosmeticFilter): boolean {
  if (filter.isScriptInject() || filter.isHtmlFiltering() || filter.isExtended() || filter.isRemove()) return false;
  if (filter.hasCustomStyle()) return false;
  const selector = filter.getSelector();
  // A selector that could close the rule and open another is no selector.
  if (selector === '' || /[{}]|\/\*/.test(selector)) return false;
  return !PROCEDURAL.test(selector);
}

export function plainHideFilters(text: string): CosmeticFilter[] {
  return parseFilters(text, LIST_CONFIG).cosmeticFilters.filter(isPlainHide);
}

export interface KeptRules {
  /** The kept lines, as the list wrote them. */
  lines: string[];
  /** How many hide rules (exceptions not counted). */
  hides: number;
}

/** The plain element hiding rules of a list text, as lines to store. */
export function keepPlainHideRules(text: string): KeptRules {
  const lines: string[] = [];
  let hides = 0;
  for (const filter of plainHideFilters(text)) {
    if (!filter.rawLine) continue;
    lines.push(filter.rawLine);
    if (!filter.isUnhide()) hides += 1;
  }
  return { lines, hides };
}
