/**
 * A selector list matched in one walk over the tree. Rules are simple compound selectors
 * (`tag#id.class[attr^="v" i]`); they are indexed by id, class and tag so that each element is
 * compared with the few selectors that could match it. Anything else (combinators,
 * pseudo-classes, user rules from the element picker) goes to the DOM's own `querySelectorAll`.
 * Why not always the DOM's: jsdom's selector engine takes seconds for a long list on a news
 * page, and the engine must be as fast in Node as in the browser.
 */

type AttributeTest = {
  name: string;
  op: '' | '=' | '~=' | '^=' | '$=' | '*=';
  value: string;
  insensitive: boolean;
};

interface Compound {
  source: string;
  tag: string | null;
  id: string | null;
  classes: string[];
  attributes: AttributeTest[];
}

const IDENT = '-?[_a-zA-Z\\u00a0-\\uffff][_a-zA-Z0-9\\u00a0-\\uffff-]*';
const PART = new RegExp(
  `^(?:(\\*|${IDENT})|#(${IDENT})|\\.(${IDENT})|\\[\\s*(${IDENT})\\s*(?:([~^$*]?=)\\s*(?:"([^"]*)"|'([^']*)'|(${IDENT}))\\s*(i)?\\s*)?\\])`,
);

/** Parses a compound selector, or returns null if it is anything more. */
export function parseCompound(selector: string): Compound | null {
  const source = selector.trim();
  if (source === '') return null;
  const compound: Compound = { source, tag: null, id: null, classes: [], attributes: [] };
  let rest = source;
  let first = true;
  while (rest.length > 0) {
    const match = PART.exec(rest);
    if (!match) return null;
    const [all, tag, id, className, attribute, op, doubleQuoted, singleQuoted, bare, flag] = match;
    if (tag !== undefined) {
      if (!first) return null;
      if (tag !== '*') compound.tag = tag.toUpperCase();
    } else if (id !== undefined) {
      compound.id = id;
    } else if (className !== undefined) {
      compound.classes.push(className);
    } else if (attribute !== undefined) {
      compound.attributes.push({
        name: attribute.toLowerCase(),
        op: (op ?? '') as AttributeTest['op'],
        // Compared with the lower-cased attribute value when the test is case-insensitive.
        value:
          flag === 'i'
            ? (doubleQuoted ?? singleQuoted ?? bare ?? '').toLowerCase()
            : (doubleQuoted ?? singleQuoted ?? bare ?? ''),
        insensitive: flag === 'i',
      });
    }
    rest = rest.slice(all.length);
    first = false;
  }
  return compound;
}

/**
 * What the compounds need from one element: each attribute read (and lower-cased) at most once.
 * Small arrays rather than maps: an element is asked about two or three attributes at most.
 */
interface Facts {
  element: Element;
  tag: string;
  id: string;
  classes: readonly string[];
  /** Names of the attributes the element has. */
  present: readonly string[];
  names: string[];
  values: (string | null)[];
  lowered: (string | undefined)[];
}

const NO_CLASSES: readonly string[] = [];

function newFacts(): Facts {
  return {
    element: null as unknown as Element,
    tag: '',
    id: '',
    classes: NO_CLASSES,
    present: NO_CLASSES,
    names: [],
    values: [],
    lowered: [],
  };
}

/** Fills `facts` (one object reused for every element of a walk: no garbage per element). */
function readFacts(facts: Facts, element: Element): Facts {
  // The names first: most elements have no class or id, and then neither is read.
  const present = element.getAttributeNames();
  const className = present.includes('class') ? element.getAttribute('class') : null;
  const id = present.includes('id') ? element.getAttribute('id') : null;
  facts.element = element;
  facts.present = present;
  facts.tag = element.tagName.toUpperCase();
  facts.id = id ?? '';
  facts.classes = className ? className.trim().split(/\s+/) : NO_CLASSES;
  facts.names.length = 0;
  facts.names.push('class', 'id');
  facts.values.length = 0;
  facts.values.push(className, id);
  facts.lowered.length = 0;
  facts.lowered.push(undefined, undefined);
  return facts;
}

function slotOf(facts: Facts, name: string): number {
  let slot = facts.names.indexOf(name);
  if (slot < 0) {
    slot = facts.names.push(name) - 1;
    facts.values.push(facts.present.includes(name) ? facts.element.getAttribute(name) : null);
    facts.lowered.push(undefined);
  }
  return slot;
}

function testAttribute(facts: Facts, test: AttributeTest): boolean {
  const slot = slotOf(facts, test.name);
  const raw = facts.values[slot];
  if (raw === null || raw === undefined) return false;
  if (test.op === '') return true;
  const value = test.insensitive ? (facts.lowered[slot] ??= raw.toLowerCase()) : raw;
  const wanted = test.value;
  switch (test.op) {
    case '=':
      return value === wanted;
    case '~=':
      return value.split(/\s+/).includes(wanted);
    case '^=':
      return wanted !== '' && value.startsWith(wanted);
    case '$=':
      return wanted !== '' && value.endsWith(wanted);
    case '*=':
      return wanted !== '' && value.includes(wanted);
  }
}

function matchesCompound(facts: Facts, compound: Compound): boolean {
  if (compound.tag && facts.tag !== compound.tag) return false;
  if (compound.id !== null && facts.id !== compound.id) return false;
  for (const name of compound.classes) if (!facts.classes.includes(name)) return false;
  for (const test of compound.attributes) if (!testAttribute(facts, test)) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface SelectorList {
  readonly selectors: readonly string[];
  /** Every element under `root` (not `root` itself) matching the list, in document order. */
  matchAll(root: ParentNode): Element[];
  matches(element: Element): boolean;
}

/**
 * Several selector lists, each with a tag, matched in one walk: `classifyAll` reads each element's
 * class, id and tag once and returns the tag of the first list that matches it.
 */
export interface TaggedSelectors<T extends string> {
  readonly tags: readonly T[];
  classify(element: Element): T | null;
  /** Every element under `root` that some list matches, with its tag, in document order. */
  classifyAll(root: ParentNode): [Element, T][];
}

interface Tagged<T> {
  compound: Compound;
  tag: T;
  rank: number;
}

/**
 * Attribute compounds keyed by their first attribute. `quick` is one pattern for all their value
 * tests, run on the lower-cased value: an element whose attribute fails it skips the whole bucket
 * (no false negatives: a case-sensitive match is also a match of the lower-cased needle).
 */
interface Bucket<T> {
  entries: Tagged<T>[];
  quick: RegExp | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quickPattern<T>(entries: readonly Tagged<T>[]): RegExp | null {
  const parts: string[] = [];
  for (const { compound } of entries) {
    const test = compound.attributes[0] as AttributeTest;
    const value = escapeRegExp(test.value.toLowerCase());
    if (test.op === '' || test.op === '~=' || value === '') return null;
    parts.push(
      test.op === '=' ? `^${value}$` : test.op === '^=' ? `^${value}` : test.op === '$=' ? `${value}$` : value,
    );
  }
  return parts.length > 0 ? new RegExp(parts.join('|')) : null;
}

export function compileTaggedSelectors<T extends string>(
  groups: readonly (readonly [T, readonly string[]])[],
): TaggedSelectors<T> {
  const byId = new Map<string, Tagged<T>[]>();
  const byClass = new Map<string, Tagged<T>[]>();
  const byTag = new Map<string, Tagged<T>[]>();
  // Compounds without id or class but with attributes, keyed by their first attribute: an element
  // is compared only with the rules for attributes it has.
  const attributed = new Map<string, Tagged<T>[]>();
  const others: Tagged<T>[] = [];
  const complex: { selector: string; tag: T; rank: number }[] = [];
  groups.forEach(([tag, selectors], rank) => {
    for (const selector of selectors) {
      const compound = parseCompound(selector);
      if (!compound) {
        complex.push({ selector, tag, rank });
        continue;
      }
      const entry = { compound, tag, rank };
      if (compound.id !== null) push(byId, compound.id, entry);
      else if (compound.classes[0] !== undefined) push(byClass, compound.classes[0], entry);
      else if (compound.attributes[0]) push(attributed, compound.attributes[0].name, entry);
      else if (compound.tag) push(byTag, compound.tag, entry);
      else others.push(entry);
    }
  });
  const byAttribute = new Map<string, Bucket<T>>();
  for (const [name, entries] of attributed) byAttribute.set(name, { entries, quick: quickPattern(entries) });

  const consider = (list: readonly Tagged<T>[] | undefined, facts: Facts, best: number): number => {
    if (list)
      for (const entry of list) if (entry.rank < best && matchesCompound(facts, entry.compound)) best = entry.rank;
    return best;
  };

  /** The best (lowest) rank of the lists whose compounds match; Infinity if none. */
  const scratch = newFacts();
  const rankOf = (element: Element): number => {
    const facts = readFacts(scratch, element);
    let best = Infinity;
    if (facts.id) best = consider(byId.get(facts.id), facts, best);
    for (const name of facts.classes) best = consider(byClass.get(name), facts, best);
    best = consider(byTag.get(facts.tag), facts, best);
    if (byAttribute.size > 0) {
      for (const name of facts.present) {
        const bucket = byAttribute.get(name);
        if (!bucket) continue;
        if (bucket.quick) {
          const slot = slotOf(facts, name);
          const value = facts.values[slot] ?? '';
          if (!bucket.quick.test((facts.lowered[slot] ??= value.toLowerCase()))) continue;
        }
        best = consider(bucket.entries, facts, best);
      }
    }
    return consider(others, facts, best);
  };

  const complexRank = (element: Element, below: number): number => {
    let best = below;
    for (const entry of complex) {
      if (entry.rank >= best) continue;
      try {
        if (element.matches(entry.selector)) best = entry.rank;
      } catch {
        // An invalid selector (a user rule) matches nothing.
      }
    }
    return best;
  };

  const tags = groups.map(([tag]) => tag);
  const tagOf = (rank: number): T | null => (Number.isFinite(rank) ? (tags[rank] as T) : null);

  return {
    tags,
    classify: (element) => tagOf(complexRank(element, rankOf(element))),
    classifyAll(root) {
      const all = root.querySelectorAll('*');
      const ranks = new Map<Element, number>();
      for (let i = 0; i < all.length; i++) {
        const element = all[i] as Element;
        const rank = rankOf(element);
        if (Number.isFinite(rank)) ranks.set(element, rank);
      }
      for (const entry of complex) {
        let found: NodeListOf<Element>;
        try {
          found = root.querySelectorAll(entry.selector);
        } catch {
          continue;
        }
        for (let i = 0; i < found.length; i++) {
          const element = found[i] as Element;
          if (entry.rank < (ranks.get(element) ?? Infinity)) ranks.set(element, entry.rank);
        }
      }
      const result: [Element, T][] = [];
      if (complex.length === 0) {
        for (const [element, rank] of ranks) result.push([element, tags[rank] as T]);
        return result;
      }
      for (let i = 0; i < all.length; i++) {
        const rank = ranks.get(all[i] as Element);
        if (rank !== undefined) result.push([all[i] as Element, tags[rank] as T]);
      }
      return result;
    },
  };
}

/**
 * Compiled on first use: most lists are only read as strings (stylesheets) or through a combined
 * index, and parsing every rule twice is a good part of a fresh page's first extraction.
 */
export function compileSelectorList(selectors: readonly string[]): SelectorList {
  let tagged: TaggedSelectors<'match'> | null = null;
  const compiled = (): TaggedSelectors<'match'> => (tagged ??= compileTaggedSelectors([['match', selectors]] as const));
  return {
    selectors,
    matches: (element) => compiled().classify(element) !== null,
    matchAll: (root) =>
      compiled()
        .classifyAll(root)
        .map(([element]) => element),
  };
}

/**
 * Every element under `root`, in document order (a snapshot). `querySelectorAll('*')` rather than
 * `getElementsByTagName`: jsdom's live collections make every index access a proxy lookup.
 */
export function allElements(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('*'));
}

/** Whether `element` or one of its ancestors is in `set`. */
export function isWithin(element: Element, set: ReadonlySet<Element>): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) if (set.has(el)) return true;
  return false;
}
