/**
 * Matches the subscribed lists' rules to one page, as ad blockers do: generic rules are indexed
 * by the class name, id or link address they name, and a page gets only those whose token it
 * holds, plus its host's own rules, minus the exceptions for its host. Tens of thousands of
 * generic selectors never reach a page. Generic rules that name no such token are not applied.
 */
import { FiltersEngine } from '@ghostery/adblocker';
import { getDomain } from 'tldts';
import type { ListPage } from '../shared/messaging/filter-list-protocol';
import { LIST_CONFIG, plainHideFilters } from './parse-list';

export type PageTokens = ListPage;

export interface ListMatcher {
  /** The selectors to hide on the page: each appears once, exceptions applied. */
  selectorsFor(page: PageTokens): string[];
}

export function createListMatcher(ruleTexts: readonly string[]): ListMatcher {
  const engine = new FiltersEngine({
    cosmeticFilters: plainHideFilters(ruleTexts.join('\n')),
    config: LIST_CONFIG,
  });
  return {
    selectorsFor(page) {
      const { matches } = engine.matchCosmeticFilters({
        url: page.url,
        hostname: page.hostname,
        domain: getDomain(page.hostname) ?? page.hostname,
        classes: [...page.classes],
        ids: [...page.ids],
        hrefs: [...page.hrefs],
        getRulesFromDOM: true,
        getRulesFromHostname: page.hostRules,
        getInjectionRules: false,
        getExtendedRules: false,
      });
      const selectors = new Set<string>();
      for (const { filter, exception } of matches) {
        if (filter && !exception && !filter.isUnhide()) selectors.add(filter.getSelector());
      }
      return [...selectors];
    },
  };
}
