import { hostMatches } from './host-pattern';
import { PatternIndex, WORD_END, type Wrap } from './word-index';
import { DEFAULT_CLUTTER_RULES } from './rules';
import { compileSelectorList, compileTaggedSelectors, type SelectorList, type TaggedSelectors } from './selector-list';
import { CLUTTER_CATEGORIES, type ClutterCategory, type ClutterRules, type SiteRules } from './types';

/** A test of a whole normalised text (a heading or a label). */
export interface TextMatcher {
  test(text: string): boolean;
}

/** A lead-in at the start of a normalised text: the length of it and its separator, or -1. */
export interface LeadInMatcher {
  match(text: string): number;
}

/** Rules ready to match on one page: joined selectors and compiled patterns per category. */
export interface CompiledClutter {
  /** Categories with rules on this page, in the order a match is attributed. */
  categories: readonly ClutterCategory[];
  /** Categories whose rules do not apply on this host (forums keep their comments). */
  kept: ReadonlySet<ClutterCategory>;
  selectors: ReadonlyMap<ClutterCategory, SelectorList>;
  headings: ReadonlyMap<ClutterCategory, TextMatcher>;
  labels: ReadonlyMap<ClutterCategory, TextMatcher>;
  leadIns: ReadonlyMap<ClutterCategory, LeadInMatcher>;
  /** A match of these (or anything inside one) is never clutter. */
  exceptions: SelectorList;
  /**
   * Exceptions, every category's selectors and the caller's extra groups in one index, matched in
   * a single walk over the page. Exceptions rank first: a code element is never clutter.
   */
  index: TaggedSelectors<string>;
  /**
   * Every heading and label, to reject most texts before any other work. Not one joined pattern,
   * nor even one per category: V8 compiles a pattern on first use, and the rules' kilobytes of
   * alternation would cost a fresh page tens of milliseconds. Indexed by the first word of the
   * texts they match (./word-index), only the few groups a page's texts start like are compiled.
   */
  anyLabel: TextMatcher;
  /** Any lead-in at the start of a text, with or without its separator. */
  anyLeadIn: TextMatcher | null;
  /**
   * The first of `categories` whose headings (when `headingLike`), then whose labels, match all
   * of `text`: one test where asking each category's matcher in turn would compile a dozen.
   */
  classify(
    text: string,
    categories: readonly ClutterCategory[],
    headingLike: boolean,
  ): { category: ClutterCategory; by: 'heading' | 'label' } | null;
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

/** What may follow a lead-in ("READ MORE:", "Related »"). */
const SEPARATORS = ':|»›>→▸▶►–—-';
const SEPARATOR = `[${SEPARATORS}]`;
/** What ends the first word of a lead-in. */
const LEAD_IN_WORD_END = ` ${SEPARATORS}`;

const LEAD_IN_AT_START: Wrap = { wrap: (alternation) => `^(?:${alternation})\\s*${SEPARATOR}` };
const LEAD_IN_ALONE: Wrap = { wrap: (alternation) => `^(?:${alternation})(?:\\s*${SEPARATOR}.*)?$` };

/**
 * Compiled default rules by host and extra groups: compiling indexes the patterns, whose groups
 * the JavaScript engine then compiles on first use; a page extracted twice reuses them.
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
  const headings = new Map<ClutterCategory, TextMatcher>();
  const labels = new Map<ClutterCategory, TextMatcher>();
  const leadIns = new Map<ClutterCategory, LeadInMatcher>();
  const labelLists: [string, readonly string[]][] = [];
  const leadInLists: [string, readonly string[]][] = [];
  for (const category of categories) {
    const generic = rules.generic[category];
    const own = sites.flatMap((site) => site.selectors?.[category] ?? []);
    selectors.set(category, compileSelectorList([...generic.selectors, ...own]));
    labelLists.push([`heading:${category}`, generic.headings], [`label:${category}`, generic.labels]);
    leadInLists.push([category, generic.leadIns]);
  }
  // The rule files hold one alternative per entry (their test checks it); other rules are split.
  const single = rules === DEFAULT_CLUTTER_RULES;
  const labelIndex = new PatternIndex(labelLists, WORD_END, single);
  const leadInIndex = new PatternIndex(leadInLists, LEAD_IN_WORD_END, single);
  for (const category of categories) {
    const generic = rules.generic[category];
    if (generic.headings.length > 0) headings.set(category, { test: (t) => labelIndex.test(t, `heading:${category}`) });
    if (generic.labels.length > 0) labels.set(category, { test: (t) => labelIndex.test(t, `label:${category}`) });
    if (generic.leadIns.length > 0) {
      leadIns.set(category, { match: (t) => leadInIndex.exec(t, category, LEAD_IN_AT_START)?.[0].length ?? -1 });
    }
  }
  const exceptions = compileSelectorList(rules.exceptions);
  const index = compileTaggedSelectors<string>([
    [EXCEPTION, rules.exceptions],
    ...categories.map((c) => [c, selectors.get(c)?.selectors ?? []] as const),
    ...(options.extraGroups ?? []),
  ]);
  const anyLabel: TextMatcher = { test: (text) => labelIndex.test(text) };
  const anyLeadIn: TextMatcher | null = leadInLists.some(([, list]) => list.length > 0)
    ? { test: (text) => leadInIndex.exec(text, '', LEAD_IN_ALONE) !== null }
    : null;
  const classify: CompiledClutter['classify'] = (text, allowed, headingLike) => {
    const keys = [
      ...(headingLike ? allowed.filter((c) => headings.has(c)).map((c) => `heading:${c}`) : []),
      ...allowed.filter((c) => labels.has(c)).map((c) => `label:${c}`),
    ];
    const key = labelIndex.firstKey(text, keys);
    if (key === null) return null;
    const [by, category] = key.split(':') as ['heading' | 'label', ClutterCategory];
    return { category, by };
  };
  return { categories, kept, selectors, headings, labels, leadIns, exceptions, index, anyLabel, anyLeadIn, classify };
}
