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
    classes: className === '' ? [] : className.split(/\s+/).filter(Boolean),
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

function push<K>(map: Map<K, Compound[]>, key: K, compound: Compound): void {
  const list = map.get(key);
  if (list) list.push(compound);
  else map.set(key, [compound]);
}

export interface SelectorList {
  readonly selectors: readonly string[];
  /** Every element under `root` (not `root` itself) matching the list, in document order. */
  matchAll(root: ParentNode): Element[];
  matches(element: Element): boolean;
}

export function compileSelectorList(selectors: readonly string[]): SelectorList {
  const byId = new Map<string, Compound[]>();
  const byClass = new Map<string, Compound[]>();
  const byTag = new Map<string, Compound[]>();
  const others: Compound[] = [];
  const complex: string[] = [];
  for (const selector of selectors) {
    const compound = parseCompound(selector);
    if (!compound) complex.push(selector);
    else if (compound.id !== null) push(byId, compound.id, compound);
    else if (compound.classes[0] !== undefined) push(byClass, compound.classes[0], compound);
    else if (compound.tag) push(byTag, compound.tag, compound);
    else others.push(compound);
  }

  const matchesIndexed = (element: Element): boolean => {
    const facts = factsOf(element);
    if (facts.id) for (const c of byId.get(facts.id) ?? []) if (matchesCompound(facts, c)) return true;
    for (const name of facts.classes)
      for (const c of byClass.get(name) ?? []) if (matchesCompound(facts, c)) return true;
    for (const c of byTag.get(facts.tag) ?? []) if (matchesCompound(facts, c)) return true;
    for (const c of others) if (matchesCompound(facts, c)) return true;
    return false;
  };

  const matchesComplex = (element: Element): boolean =>
    complex.some((selector) => {
      try {
        return element.matches(selector);
      } catch {
        return false;
      }
    });

  return {
    selectors,
    matches: (element) => matchesIndexed(element) || matchesComplex(element),
    matchAll(root) {
      const found: Element[] = [];
      for (const element of allElements(root)) if (matchesIndexed(element)) found.push(element);
      if (complex.length === 0) return found;
      const extra = new Set<Element>();
      for (const selector of complex) {
        try {
          for (const element of Array.from(root.querySelectorAll(selector))) extra.add(element);
        } catch {
          // An invalid selector (a user rule) matches nothing.
        }
      }
      if (extra.size === 0) return found;
      for (const element of found) extra.add(element);
      return allElements(root).filter((element) => extra.has(element));
    },
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
