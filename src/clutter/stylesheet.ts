import type { CompiledClutter } from './compile';
import type { ClutterCategory } from './types';

export interface StylesheetOptions {
  /** An attribute the live hider sets on the article body and its ancestors: never hidden. */
  keepAttribute?: string;
  /**
   * A selector every rule is scoped under, e.g. `html:not([data-tidy-show~="comments"])`: the
   * live hider turns a whole stylesheet off for one page by setting an attribute on the root.
   */
  scope?: string;
  /**
   * An attribute the live hider sets on the root once its marks are in place. Until then (a
   * stylesheet registered at document_start applies while the page is still arriving) no rule
   * hides an element that holds what looks like the article: a rule matching an ancestor of the
   * body would otherwise hide it from the first paint until the script runs.
   */
  markedAttribute?: string;
}

/**
 * What holds an article before the live hider has found it: the page's main region, an article
 * body or title, or a run of paragraphs. A comment section or a grid of cards holds none of these,
 * so it is hidden from the first paint; something that does waits for the marks.
 */
export const ARTICLE_HOLDERS = 'main, [role="main"], [itemprop~="articleBody"], h1, p + p + p + p';

/**
 * CSS that hides `selectors`: one rule per selector, so that one selector a browser does not
 * support drops only itself. Exceptions (code) and kept elements are excluded with `:not()`.
 */
export function hideSelectors(
  selectors: readonly string[],
  exceptions: readonly string[],
  options: StylesheetOptions = {},
): string {
  const guards: string[] = [];
  const joined = exceptions.join(', ');
  // Code never holds the article: an exception marked kept (around the body) shields nothing.
  const code = options.keepAttribute ? `:is(${joined}):not([${options.keepAttribute}])` : `:is(${joined})`;
  if (joined) guards.push(`:not(${code}, ${code} *)`);
  if (options.keepAttribute) guards.push(`:not([${options.keepAttribute}])`);
  if (options.markedAttribute) guards.push(`:not(:root:not([${options.markedAttribute}]) :has(${ARTICLE_HOLDERS}))`);
  const suffix = guards.join('');
  const prefix = options.scope ? `${options.scope} ` : '';
  return selectors.map((selector) => `${prefix}:is(${selector})${suffix} { display: none !important; }`).join('\n');
}

/** CSS that hides the selector rules of `categories` (see `hideSelectors`). */
export function clutterStylesheet(
  compiled: CompiledClutter,
  categories: readonly ClutterCategory[],
  options: StylesheetOptions = {},
): string {
  const selectors = compiled.categories
    .filter((c) => categories.includes(c))
    .flatMap((c) => compiled.selectors.get(c)?.selectors ?? []);
  return hideSelectors(selectors, compiled.exceptions.selectors, options);
}
