/**
 * The stylesheet of the filter-list rules that apply to one page. They hide promos, so they
 * follow the Promos switch (and "show everything"), under the same guard as our own rules: never
 * the article or what holds it, never code, never before the page script has marked the article
 * when the rule would take an article-like element with it.
 */
import { hideSelectors } from './stylesheet';
import { KEEP_ATTRIBUTE, MARKED_ATTRIBUTE, scopeOf } from './live-page';
import { DEFAULT_CLUTTER_RULES } from './rules';

export function listStylesheet(selectors: readonly string[]): string {
  return hideSelectors(selectors, DEFAULT_CLUTTER_RULES.exceptions, {
    keepAttribute: KEEP_ATTRIBUTE,
    markedAttribute: MARKED_ATTRIBUTE,
    scope: scopeOf('promos'),
  });
}
