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
        value: doubleQuoted ?? singleQuoted ?? bare ?? '',
        insensitive: flag === 'i',
      });
    }
    rest = rest.slice(all.length);
    first = false;
  }
  return compound;
}

/** What every compound needs from an element, read once per element. */
interface Facts {
  element: Element;
  tag: string;
  id: string;
  className: string;
  classes: readonly string[];
}

function factsOf(element: Element): Facts {
  const className = element.getAttribute('class') ?? '';
  return {
    element,
    tag: element.tagName.toUpperCase(),
    id: element.getAttribute('id') ?? '',
    className,
    classes: className === '' ? [] : className.trim().split(/\s+/),
  };
}

function attributeOf(facts: Facts, name: string): string | null {
  if (name === 'class') return facts.element.hasAttribute('class') ? facts.className : null;
  if (name === 'id') return facts.element.hasAttribute('id') ? facts.id : null;
  return facts.element.getAttribute(name);
}

function testAttribute(facts: Facts, test: AttributeTest): boolean {
  const raw = attributeOf(facts, test.name);
  if (raw === null) return false;
  if (test.op === '') return true;
  const value = test.insensitive ? raw.toLowerCase() : raw;
  const wanted = test.insensitive ? test.value.toLowerCase() : test.value;
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
  return compound.attributes.every((test) => testAttribute(facts, test));
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

export function compileTaggedSelectors<T extends string>(
  groups: readonly (readonly [T, readonly string[]])[],
): TaggedSelectors<T> {
  const byId = new Map<string, Tagged<T>[]>();
  const byClass = new Map<string, Tagged<T>[]>();
  const byTag = new Map<string, Tagged<T>[]>();
  // Attribute-only compounds, keyed by their first attribute: an element is compared only with the
  // rules for attributes it has, so a rule list costs little on elements without attributes.
  const byAttribute = new Map<string, Tagged<T>[]>();
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
      else if (compound.tag) push(byTag, compound.tag, entry);
      else if (compound.attributes[0]) push(byAttribute, compound.attributes[0].name, entry);
      else others.push(entry);
    }
  });

  /** The best (lowest) rank of the lists whose compounds match; Infinity if none. */
  const rankOf = (element: Element): number => {
    const facts = factsOf(element);
    let best = Infinity;
    const consider = (list: readonly Tagged<T>[] | undefined): void => {
      if (!list) return;
      for (const entry of list) if (entry.rank < best && matchesCompound(facts, entry.compound)) best = entry.rank;
    };
    if (facts.id) consider(byId.get(facts.id));
    for (const name of facts.classes) consider(byClass.get(name));
    consider(byTag.get(facts.tag));
    if (byAttribute.size > 0) {
      const attributes = element.attributes;
      for (let i = 0; i < attributes.length; i++) consider(byAttribute.get((attributes[i] as Attr).name));
    }
    consider(others);
    return best;
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

export function compileSelectorList(selectors: readonly string[]): SelectorList {
  const tagged = compileTaggedSelectors([['match', selectors]] as const);
  return {
    selectors,
    matches: (element) => tagged.classify(element) !== null,
    matchAll: (root) => tagged.classifyAll(root).map(([element]) => element),
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
