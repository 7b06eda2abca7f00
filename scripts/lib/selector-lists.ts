/**
 * Reading selector lists written elsewhere: split, spelled as ours are, and judged against ours.
 */
import { parseCompound } from '../../src/clutter/selector-list';

/**
 * The selectors of a comma-separated list, trimmed, empty ones left out. Splitting on every comma
 * would cut `a[data-ga='["a","b"]']` in two: commas inside quotes, brackets and parentheses stay.
 */

export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * One spelling per selector, the one our rule files use: single spaces, and attribute values in
 * double quotes (unless the value holds one), so that a duplicate of our own rules is seen.
 */
export function normaliseSelector(selector: string): string {
  return selector.trim().replace(/"[^"]*"|'[^']*'|\s+/g, (token) => {
    if (token.startsWith('"')) return token;
    if (token.startsWith("'")) return token.includes('"') ? token : `"${token.slice(1, -1)}"`;
    return ' ';
  });
}

/** The elements of HTML: a selector made only of these names can match any article. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address article aside b blockquote body br button caption cite code dd del details dfn dialog div dl ' +
    'dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html i iframe img input ins ' +
    'kbd label legend li main mark menu nav ol output p picture pre q s samp search section small span strong sub ' +
    'summary sup table tbody td textarea tfoot th thead time tr u ul video'
  ).split(' '),
);

/**
 * Whether a selector names nothing of its own: no id, class or attribute, only HTML elements,
 * combinators and pseudo-classes (`div`, `article p`, `main > div:not(:first-child)`, `*`). Such a
 * rule matches structure every page has, the article's included.
 */
export function namesNothing(selector: string): boolean {
  const outsideStrings = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  if (/[#.[]/.test(outsideStrings)) return false;
  const names = outsideStrings
    .replace(/:nth-[\w-]+\([^)]*\)/g, '')
    .replace(/::?[\w-]+/g, '')
    .match(/[a-zA-Z][\w-]*/g);
  return (names ?? []).every((name) => HTML_ELEMENTS.has(name.toLowerCase()));
}

type AttributeTest = NonNullable<ReturnType<typeof parseCompound>>['attributes'][number];

function isSatisfiedBy(test: AttributeTest, value: string): boolean {
  switch (test.op) {
    case '':
      return true;
    case '=':
      return value === test.value;
    case '~=':
      return value.split(/\s+/).includes(test.value);
    case '^=':
      return value.startsWith(test.value);
    case '$=':
      return value.endsWith(test.value);
    case '*=':
      return value.includes(test.value);
  }
}

/**
 * Whether compound selector `ours` matches every element compound `theirs` matches (`[id^="spotim-"]`
 * covers `#spotim-specific`). Conservative: anything it cannot tell is "no".
 */
export function covers(ours: string, theirs: string): boolean {
  const a = parseCompound(ours);
  const b = parseCompound(theirs);
  if (!a || !b) return false;
  if ((a.tag && a.tag !== b.tag) || (a.id !== null && a.id !== b.id)) return false;
  if (!a.classes.every((name) => b.classes.includes(name))) return false;
  return a.attributes.every((test) => {
    if (test.insensitive) return false;
    const known = b.attributes
      .filter((t) => t.name === test.name && t.op === '=' && !t.insensitive)
      .map((t) => t.value);
    if (test.name === 'id' && b.id !== null) known.push(b.id);
    if (test.op === '' && b.attributes.some((t) => t.name === test.name)) return true;
    return known.some((value) => isSatisfiedBy(test, value));
  });
}
