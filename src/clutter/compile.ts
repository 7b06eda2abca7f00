import { hostMatches } from './host-pattern';
import { DEFAULT_CLUTTER_RULES } from './rules';
import { compileSelectorList, type SelectorList } from './selector-list';
import { CLUTTER_CATEGORIES, type ClutterCategory, type ClutterRules, type SiteRules } from './types';

/** Rules ready to match on one page: joined selectors and compiled patterns per category. */
export interface CompiledClutter {
  /** Categories with rules on this page, in the order a match is attributed. */
  categories: readonly ClutterCategory[];
  /** Categories whose rules do not apply on this host (forums keep their comments). */
  kept: ReadonlySet<ClutterCategory>;
  selectors: ReadonlyMap<ClutterCategory, SelectorList>;
  headings: ReadonlyMap<ClutterCategory, RegExp>;
  labels: ReadonlyMap<ClutterCategory, RegExp>;
  leadIns: ReadonlyMap<ClutterCategory, RegExp>;
  /** A match of these (or anything inside one) is never clutter. */
  exceptions: SelectorList;
}

export interface CompileOptions {
  /** The page's host name, for per-site rules. */
  host?: string;
  /** More per-site rules, e.g. the user's own from the element picker. */
  extraSites?: readonly SiteRules[];
}

/**
 * A match is attributed to the first category that claims it: a comment form is "comments" even
 * though it is also a form that asks for an e-mail address.
 */
const ATTRIBUTION_ORDER: readonly ClutterCategory[] = ['comments', 'newsletters', 'share', 'ads', 'related', 'promos'];

function wholeTextPattern(patterns: readonly string[]): RegExp | null {
  return patterns.length === 0 ? null : new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu');
}

function leadInPattern(patterns: readonly string[]): RegExp | null {
  return patterns.length === 0
    ? null
    : new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})\\s*[:|»›>→▸▶►–—-]`, 'iu');
}

export function compileClutterRules(
  rules: ClutterRules = DEFAULT_CLUTTER_RULES,
  options: CompileOptions = {},
): CompiledClutter {
  const host = options.host ?? '';
  const sites = [...rules.sites, ...(options.extraSites ?? [])].filter(
    (site) => host !== '' && site.hosts.some((pattern) => hostMatches(pattern, host)),
  );
  const kept = new Set(sites.flatMap((site) => site.keep ?? []));
  const categories = ATTRIBUTION_ORDER.filter((c) => CLUTTER_CATEGORIES.includes(c) && !kept.has(c));
  const selectors = new Map<ClutterCategory, SelectorList>();
  const headings = new Map<ClutterCategory, RegExp>();
  const labels = new Map<ClutterCategory, RegExp>();
  const leadIns = new Map<ClutterCategory, RegExp>();
  for (const category of categories) {
    const generic = rules.generic[category];
    const own = sites.flatMap((site) => site.selectors?.[category] ?? []);
    selectors.set(category, compileSelectorList([...generic.selectors, ...own]));
    const heading = wholeTextPattern(generic.headings);
    if (heading) headings.set(category, heading);
    const label = wholeTextPattern(generic.labels);
    if (label) labels.set(category, label);
    const leadIn = leadInPattern(generic.leadIns);
    if (leadIn) leadIns.set(category, leadIn);
  }
  const exceptions = compileSelectorList(rules.exceptions);
  return { categories, kept, selectors, headings, labels, leadIns, exceptions };
}
