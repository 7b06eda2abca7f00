import type { CompiledClutter } from './compile';
import type { ClutterCategory } from './types';

export interface StylesheetOptions {
  /** An attribute the live hider sets on the article body and its ancestors: never hidden. */
  keepAttribute?: string;
}

/**
 * CSS that hides the selector rules of `categories`: one rule per selector, so that one selector a
 * browser does not support drops only itself. Exceptions (code) and kept elements are excluded
 * with `:not()`.
 */
export function clutterStylesheet(
  compiled: CompiledClutter,
  categories: readonly ClutterCategory[],
  options: StylesheetOptions = {},
): string {
  const guards: string[] = [];
  const exceptions = compiled.exceptions.selectors.join(', ');
  if (exceptions) guards.push(`:not(:is(${exceptions}), :is(${exceptions}) *)`);
  if (options.keepAttribute) guards.push(`:not([${options.keepAttribute}])`);
  const suffix = guards.join('');
  return compiled.categories
    .filter((c) => categories.includes(c))
    .flatMap((c) => compiled.selectors.get(c)?.selectors ?? [])
    .map((selector) => `:is(${selector})${suffix} { display: none !important; }`)
    .join('\n');
}
