import { hostMatches } from './host-pattern';
import { DEFAULT_CLUTTER_RULES } from './rules';
import { compileSelectorList, compileTaggedSelectors, type SelectorList, type TaggedSelectors } from './selector-list';
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
  /**
   * Exceptions, every category's selectors and the caller's extra groups in one index, matched in
   * a single walk over the page. Exceptions rank first: a code element is never clutter.
   */
  index: TaggedSelectors<string>;
  /**
   * Every heading and label pattern, to reject most texts before any other work. Deliberately not
   * one joined pattern: V8 compiles a 6 KB alternation in about 15 ms on a fresh page, its parts
   * in under 5, and runs the parts no slower.
   */
  anyLabel: readonly RegExp[];
  /** Any lead-in at the start of a text, with or without its separator. */
  anyLeadIn: RegExp | null;
}

/** The tag `index` gives elements that match an exception. */
export const EXCEPTION = 'exception';

export interface CompileOptions {
  /** The page's host name, for per-site rules. */
  host?: string;
  /** More per-site rules, e.g. the user's own from the element picker. */
  extraSites?: readonly SiteRules[];
  /** More selector groups for `index`, ranked after the categories (e.g. extraction's page chrome). */
  extraGroups?: readonly (readonly [string, readonly string[]])[];
}

/**
 * A match is attributed to the first category that claims it: a comment form is "comments" even
 * though it is also a form that asks for an e-mail address.
 */
const ATTRIBUTION_ORDER: readonly ClutterCategory[] = ['comments', 'newsletters', 'share', 'ads', 'related', 'promos'];

function wholeTextPattern(patterns: readonly string[]): RegExp | null {
  return patterns.length === 0 ? null : new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, '');
}

function leadInPattern(patterns: readonly string[]): RegExp | null {
  return patterns.length === 0
    ? null
    : new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})\\s*[:|»›>→▸▶►–—-]`, '');
}

/**
 * Compiled default rules by host and extra groups: compiling builds a few large patterns, which
 * the JavaScript engine then compiles again on first use; a page extracted twice reuses them.
 */
const cache = new Map<string, CompiledClutter>();
const CACHE_SIZE = 8;

export function compileClutterRules(
  rules: ClutterRules = DEFAULT_CLUTTER_RULES,
  options: CompileOptions = {},
): CompiledClutter {
  if (rules !== DEFAULT_CLUTTER_RULES || options.extraSites?.length) return compileUncached(rules, options);
  const key = JSON.stringify([options.host ?? '', options.extraGroups ?? []]);
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileUncached(rules, options);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}

function compileUncached(rules: ClutterRules = DEFAULT_CLUTTER_RULES, options: CompileOptions = {}): CompiledClutter {
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
  const index = compileTaggedSelectors<string>([
    [EXCEPTION, rules.exceptions],
    ...categories.map((c) => [c, selectors.get(c)?.selectors ?? []] as const),
    ...(options.extraGroups ?? []),
  ]);
  const generics = categories.map((c) => rules.generic[c]);
  const anyLabel = [...headings.values(), ...labels.values()];
  const leadInPatterns = generics.flatMap((g) => g.leadIns);
  const anyLeadIn =
    leadInPatterns.length === 0
      ? null
      : new RegExp(`^(?:${leadInPatterns.map((p) => `(?:${p})`).join('|')})(?:\\s*[:|»›>→▸▶►–—-].*)?$`, '');
  return { categories, kept, selectors, headings, labels, leadIns, exceptions, index, anyLabel, anyLeadIn };
}
