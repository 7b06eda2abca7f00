/**
 * What the page tells the background so that it can pick the filter-list rules for it, as ad
 * blockers do: the class names, ids and link addresses in the document, each sent once, and on
 * the first request the wish for the host's own rules. Bounded per pass; the rest goes next time.
 */
import type { ListTokensRequest } from '../../shared/messaging/filter-list-protocol';

const MAX_PER_PASS = 5000;

export interface ListTokens {
  /** What is new since the last call, or null when nothing is. */
  collect(doc: Document): ListTokensRequest | null;
  /** A request that did not arrive: its tokens count as unsent again. */
  forget(request: ListTokensRequest): void;
}

export function createListTokens(): ListTokens {
  const classes = new Set<string>();
  const ids = new Set<string>();
  const hrefs = new Set<string>();
  let hostAsked = false;
  const take = (seen: Set<string>, into: string[], value: string) => {
    if (value === '' || seen.has(value) || into.length >= MAX_PER_PASS) return;
    seen.add(value);
    into.push(value);
  };
  return {
    collect(doc) {
      const request: ListTokensRequest = { classes: [], ids: [], hrefs: [], hostRules: !hostAsked };
      hostAsked = true;
      for (const element of Array.from(doc.querySelectorAll('[class], [id]'))) {
        for (const name of Array.from(element.classList)) take(classes, request.classes, name);
        take(ids, request.ids, element.id);
      }
      // The attribute as written: that is what `a[href^="…"]` rules compare.
      for (const link of Array.from(doc.querySelectorAll('a[href]')))
        take(hrefs, request.hrefs, link.getAttribute('href') ?? '');
      const isEmpty = request.classes.length + request.ids.length + request.hrefs.length === 0;
      return isEmpty && !request.hostRules ? null : request;
    },
    forget(request) {
      if (request.hostRules) hostAsked = false;
      for (const c of request.classes) classes.delete(c);
      for (const id of request.ids) ids.delete(id);
      for (const href of request.hrefs) hrefs.delete(href);
    },
  };
}

/**
 * Elements hidden only by the lists' rules: not kept (the article and what holds it), not inside
 * code, not one our own rules already hide or sit in, and counted once (the outermost).
 */
export function countListed(
  doc: Document,
  selectors: readonly string[],
  kept: ReadonlySet<Element>,
  ours: ReadonlySet<Element>,
  code: string,
): number {
  const found = new Set<Element>();
  const add = (selector: string) => {
    for (const element of Array.from(doc.querySelectorAll(selector))) found.add(element);
  };
  try {
    add(selectors.join(', '));
  } catch {
    // One selector this browser cannot read spoils the list: take them one by one.
    for (const selector of selectors) {
      try {
        add(selector);
      } catch {
        // It hides nothing here either (the stylesheet has one rule per selector).
      }
    }
  }
  let count = 0;
  for (const element of found) {
    if (kept.has(element) || (code && element.closest(code))) continue;
    let inside = false;
    for (let parent: Element | null = element; parent && !inside; parent = parent.parentElement) {
      inside = ours.has(parent) || (parent !== element && found.has(parent));
    }
    if (!inside) count += 1;
  }
  return count;
}
