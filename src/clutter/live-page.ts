/**
 * The live-page hider's view of the rules: two switches the reader sees (comments, promos), the
 * attributes the page script sets, and the stylesheets the browser applies. Pure, so that the
 * build (per-group CSS files), the background (per-site CSS) and the page script agree.
 */
import { compileClutterRules } from './compile';
import { clutterStylesheet, hideSelectors } from './stylesheet';
import { hostMatches } from './host-pattern';
import { DEFAULT_CLUTTER_RULES } from './rules';
import type { ClutterCategory } from './types';

/** What the reader switches: comments, and every other category grouped as promos. */
export const HIDE_GROUPS = ['comments', 'promos'] as const;
export type HideGroup = (typeof HIDE_GROUPS)[number];
/** Rules the user picked on a site: on whenever the page is not shown in full. */
export const PICKED_GROUP = 'picked' as const;
export type StyleGroup = HideGroup | typeof PICKED_GROUP;

export const GROUP_CATEGORIES: Record<HideGroup, readonly ClutterCategory[]> = {
  comments: ['comments'],
  promos: ['promos', 'newsletters', 'related', 'share', 'ads'],
};

export function groupOf(category: ClutterCategory): HideGroup {
  return category === 'comments' ? 'comments' : 'promos';
}

/** Set on the article body and every element around it: no rule hides them. */
export const KEEP_ATTRIBUTE = 'data-tidy-keep';
/** Set on the root by the page script once its marks are in place (see `ARTICLE_HOLDERS`). */
export const MARKED_ATTRIBUTE = 'data-tidy-marked';
/** Set by the page script on blocks only text reveals ("Watch more on …"), valued by group. */
export const CLUTTER_ATTRIBUTE = 'data-tidy-clutter';
/** On the root element: the groups shown on this page, whatever stylesheet is applied. */
export const SHOW_ATTRIBUTE = 'data-tidy-show';

export type GroupSwitches = Record<HideGroup, boolean>;

export function scopeOf(group: StyleGroup): string {
  return `html:not([${SHOW_ATTRIBUTE}~="${group}"])`;
}

/**
 * The stylesheet of one group for one host: the selector rules (generic and the host's own) and
 * the blocks the script marked. Everything is scoped so that the page script can show a group
 * again (a category switched off, "show everything") by setting one attribute, even where the
 * browser applied the sheet itself before the page script ran.
 */
export function groupStylesheet(group: HideGroup, host = ''): string {
  const compiled = compileClutterRules(DEFAULT_CLUTTER_RULES, { host });
  const scope = scopeOf(group);
  const rules = clutterStylesheet(compiled, GROUP_CATEGORIES[group], {
    keepAttribute: KEEP_ATTRIBUTE,
    markedAttribute: MARKED_ATTRIBUTE,
    scope,
  });
  const marked = `${scope} [${CLUTTER_ATTRIBUTE}="${group}"]:not([${KEEP_ATTRIBUTE}]) { display: none !important; }`;
  return rules ? `${rules}\n${marked}` : marked;
}

/** The stylesheet of the selectors the user picked on a site (never inside code, never the article). */
export function pickedStylesheet(selectors: readonly string[]): string {
  return hideSelectors(selectors, DEFAULT_CLUTTER_RULES.exceptions, {
    keepAttribute: KEEP_ATTRIBUTE,
    markedAttribute: MARKED_ATTRIBUTE,
    scope: scopeOf(PICKED_GROUP),
  });
}

/** Hosts whose site rules keep a group's categories (forums keep their comments). */
export function hostsKeeping(group: HideGroup): string[] {
  return DEFAULT_CLUTTER_RULES.sites
    .filter((site) => GROUP_CATEGORIES[group].some((c) => site.keep?.includes(c)))
    .flatMap((site) => site.hosts);
}

export function isGroupKeptOn(group: HideGroup, host: string): boolean {
  return hostsKeeping(group).some((pattern) => hostMatches(pattern, host));
}
