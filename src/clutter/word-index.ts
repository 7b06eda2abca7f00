/**
 * Rule patterns found by the first word of the texts they match. V8 compiles a regular expression
 * on its first use, and the rules of a dozen languages add up to kilobytes of alternation that a
 * fresh page would pay tens of milliseconds to compile, though few of its texts ever start like a
 * label. So a text is tried only against the patterns whose texts start with its own first word
 * ("kommentar (schreiben|verfassen)" for "kommentar …"), those that start with a number, and the
 * few whose first word cannot be read off (always tried); each such group is compiled when a text
 * first needs it, so a page pays for the labels it has, not for every language's.
 *
 * The index itself is built cold on every page, where even a map filled pattern by pattern costs
 * milliseconds: the patterns are sorted once (natively), and a word's patterns found by a binary
 * search when a text first starts with it. The rule files are written so that every entry has a
 * plain first word or opens with a number or a wildcard (tests/unit/clutter/rules.test.ts).
 */

/** How a group's patterns become one expression: whole text, lead-in at the start, … */
export interface Wrap {
  wrap(alternation: string): string;
}

/**
 * Patterns sharing a first word, each after the key of the list it came from: `[key, pattern,
 * key, pattern, …]`. One flat array per word: built cold on every page, so allocated sparingly.
 */
type Group = string[];

/** What ends a heading's or label's first word. */
export const WORD_END = ' ';

/** Plain text: no character with a meaning in a pattern, nor a space. */
const WORD = '[^\\s()[\\]{}|\\\\.*+?^$]';
/** A group each of whose alternatives starts with a space, maybe optional: "( more| now)?". */
const SPACE_LED_GROUP = '\\((?: (?:[^()|]|\\([^()]*\\))*)(?:\\| (?:[^()|]|\\([^()]*\\))*)*\\)\\??';
/**
 * The first word of a pattern's texts when it can be read off: plain text ("comments", "read
 * more"), maybe with its last letter optional ("comments?", kept apart), maybe followed by groups
 * that each start with a space ("watch( more| now)?( on .+)?"), then a space or the end.
 */
const FIRST_WORD = new RegExp(`^(${WORD}+?)(?:(${WORD})\\?)?(?:${SPACE_LED_GROUP})*(?: (?![?*+{])|$)`);
const ESCAPES_AND_CLASSES = /\\.|\[[^\]]*\]/g;
const INNERMOST_GROUP = /\([^()]*\)/g;

/** Index of the `|` or `)` that ends the sequence starting at `i` (or the source's length). */
function sequenceEnd(source: string, i: number): number {
  let depth = 0;
  for (; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (char === '[') i = Math.max(i, source.indexOf(']', i + 1));
    else if (char === '(') depth += 1;
    else if (char === ')') {
      if (depth === 0) return i;
      depth -= 1;
    } else if (char === '|' && depth === 0) return i;
  }
  return i;
}

/** Whether `source` has a `|` outside any group: more than one pattern in one string. */
export function hasTopLevelBar(source: string): boolean {
  if (!source.includes('|')) return false;
  let flat = source.replace(ESCAPES_AND_CLASSES, '');
  for (let next = flat.replace(INNERMOST_GROUP, ''); next !== flat; next = flat.replace(INNERMOST_GROUP, '')) {
    flat = next;
  }
  return flat.includes('|');
}

/** The top-level alternatives of a pattern. */
export function topAlternatives(source: string): string[] {
  const parts: string[] = [];
  for (let from = 0; ;) {
    const end = sequenceEnd(source, from);
    parts.push(source.slice(from, end));
    if (end >= source.length) return parts;
    from = end + 1;
  }
}

/** The first words of the texts `pattern` (one alternative) matches: none for a number, null if unknown. */
export function firstWordsOf(pattern: string): string[] | null {
  if (pattern.charCodeAt(0) === 92 && pattern.charCodeAt(1) === 100) return []; // \d
  const first = FIRST_WORD.exec(pattern);
  if (!first) return null;
  const stem = first[1] as string;
  return first[2] === undefined ? [stem] : [stem, stem + first[2]];
}

/** Whether the pattern's first word surely goes on at `at`: a letter there, not made optional. */
function continuesWord(pattern: string, at: number): boolean {
  const code = pattern.charCodeAt(at);
  if (Number.isNaN(code) || code === 32 || code === 40 || code === 63) return false; // end, space, (, ?
  return pattern.charCodeAt(at + 1) !== 63 && !' ()[]{}|\\.*+?^$'.includes(pattern.charAt(at));
}

/** The index of the first pattern of a sorted list not below `prefix`. */
function lowerBound(list: readonly string[], prefix: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class PatternIndex {
  /**
   * Each list's patterns with a first word, sorted: the patterns of a word are among those that
   * start with it, found by binary searches when a text first starts with it. The rule files'
   * lists are sorted already (their test says so) and are used as they are: building an index
   * pattern by pattern would cost a fresh page milliseconds.
   */
  private readonly lists: (readonly [key: string, patterns: readonly string[]])[] = [];
  /** The first words searched so far, with their patterns (null when none). */
  private readonly byWord = new Map<string, Group | null>();
  /** Patterns whose texts start with a number ("12 comments"). */
  private readonly digits: Group = [];
  /** Patterns whose first word cannot be read off (`.{0,40} newsletter`): always tried. */
  private readonly anywhere: Group = [];
  /** Each group's expressions by wrap, then key ("" for all keys); null when the key has none there. */
  private readonly compiled = new Map<Group, Map<Wrap, Map<string, RegExp | null>>>();
  /** Character codes that end a text's first word. */
  private readonly ends: ReadonlySet<number>;
  /** The always-tried expression for the last wrap and key asked: the same for a page's every text. */
  private lastWrap: Wrap | null = null;
  private lastKey = '';
  private lastAnywhere: RegExp | null = null;

  /**
   * `lists`: patterns by key (a category and kind). `cut`: the characters that end a text's first
   * word, a space, and for lead-ins the separators too. `checked`: each list is sorted and holds
   * one alternative per pattern, each with a readable first word or opening with a number (`\d`)
   * or a wildcard (`.`); the rule files do, and their test says so. Other lists are read pattern
   * by pattern.
   */
  constructor(
    lists: readonly (readonly [string, readonly string[]])[],
    private readonly cut: string,
    checked = false,
  ) {
    this.ends = new Set(Array.from(cut, (char) => char.charCodeAt(0)));
    for (const [key, sources] of lists) {
      if (checked) {
        // Sorted, so the wildcards and the numbers each form one run: found by two searches.
        for (const [prefix, group] of [
          ['.', this.anywhere],
          ['\\d', this.digits],
        ] as const) {
          for (let i = lowerBound(sources, prefix); i < sources.length; i++) {
            const pattern = sources[i] as string;
            if (!pattern.startsWith(prefix)) break;
            group.push(key, pattern);
          }
        }
        this.lists.push([key, sources]);
        continue;
      }
      const readable: string[] = [];
      for (const source of sources) {
        for (const pattern of hasTopLevelBar(source) ? topAlternatives(source) : [source]) {
          const words = firstWordsOf(pattern);
          if (pattern.startsWith('\\d')) this.digits.push(key, pattern);
          else if (words === null || words.some((w) => this.wordEnd(w) >= 0)) this.anywhere.push(key, pattern);
          else readable.push(pattern);
        }
      }
      this.lists.push([key, readable.sort()]);
    }
  }

  /** The patterns whose texts start with `word`, searched once per word. */
  private group(word: string): Group | null {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    let group: Group | null = null;
    for (const [key, list] of this.lists) {
      for (let i = lowerBound(list, word); i < list.length; i++) {
        const pattern = list[i] as string;
        if (!pattern.startsWith(word)) break;
        // "advertisement" goes on past "ad": read the first words only where the word may end.
        if (continuesWord(pattern, word.length)) continue;
        if (firstWordsOf(pattern)?.includes(word)) (group ??= []).push(key, pattern);
      }
    }
    this.byWord.set(word, group);
    return group;
  }

  /** Where the first word of `text` ends: its first space (or separator, for lead-ins), or -1. */
  private wordEnd(text: string): number {
    if (this.cut === WORD_END) return text.indexOf(' ');
    for (let i = 0; i < text.length; i++) if (this.ends.has(text.charCodeAt(i))) return i;
    return -1;
  }

  /** The first match in `text` of the patterns of `key` ("" for every key), wrapped by `wrap`. */
  exec(text: string, key: string, wrap: Wrap): RegExpExecArray | null {
    // Runs for nearly every text of a page, and nearly every text finds no group of its own.
    const at = this.wordEnd(text);
    const own = this.group(at < 0 ? text : text.slice(0, at));
    const match = own ? this.expression(own, key, wrap)?.exec(text) : null;
    if (match) return match;
    const code = text.charCodeAt(0);
    const number = code >= 48 && code <= 57 ? this.expression(this.digits, key, wrap)?.exec(text) : null;
    if (number) return number;
    if (wrap !== this.lastWrap || key !== this.lastKey) {
      this.lastWrap = wrap;
      this.lastKey = key;
      this.lastAnywhere = this.expression(this.anywhere, key, wrap);
    }
    return this.lastAnywhere?.exec(text) ?? null;
  }

  /** Whether the patterns of `key` ("" for every key) match all of `text`. */
  test(text: string, key = ''): boolean {
    return this.exec(text, key, WHOLE_TEXT) !== null;
  }

  /**
   * The first of `keys` whose patterns match all of `text`, or null. One expression per group
   * answers for every key (each pattern in a named group, in the keys' order), where testing
   * key by key would compile a dozen.
   */
  firstKey(text: string, keys: readonly string[]): string | null {
    const at = this.wordEnd(text);
    const own = this.group(at < 0 ? text : text.slice(0, at));
    const code = text.charCodeAt(0);
    let best = keys.length;
    for (const group of [own, code >= 48 && code <= 57 ? this.digits : null, this.anywhere]) {
      if (!group || group.length === 0) continue;
      const match = this.ranked(group, keys).exec(text);
      if (!match?.groups) continue;
      for (const [name, value] of Object.entries(match.groups)) {
        if (value === undefined) continue;
        best = Math.min(best, Number(name.slice(1, name.indexOf('_'))));
        break;
      }
    }
    return keys[best] ?? null;
  }

  /** The group's patterns of `keys`, in their order, each in a group named after its key. */
  private ranked(group: Group, keys: readonly string[]): RegExp {
    let byWrap = this.compiled.get(group);
    if (!byWrap) this.compiled.set(group, (byWrap = new Map()));
    let byKeys = byWrap.get(RANKED);
    if (!byKeys) byWrap.set(RANKED, (byKeys = new Map()));
    const signature = keys.join('\n');
    let regex = byKeys.get(signature);
    if (!regex) {
      const sources: string[] = [];
      keys.forEach((key, k) => {
        for (let i = 0; i < group.length; i += 2) {
          if (group[i] === key) sources.push(`(?<k${k}_${i}>${group[i + 1] as string})`);
        }
      });
      // A group with none of the keys: an expression that never matches, compiled once.
      regex = new RegExp(sources.length === 0 ? '(?!)' : `^(?:${sources.join('|')})$`, '');
      byKeys.set(signature, regex);
    }
    return regex;
  }

  /** The group's expression for a wrap and key, compiled on first use. */
  private expression(group: Group, key: string, wrap: Wrap): RegExp | null {
    if (group.length === 0) return null;
    // Maps only for the groups some text has asked for, not for the hundreds never asked.
    let byWrap = this.compiled.get(group);
    if (!byWrap) this.compiled.set(group, (byWrap = new Map()));
    let byKey = byWrap.get(wrap);
    if (!byKey) byWrap.set(wrap, (byKey = new Map()));
    let regex = byKey.get(key);
    if (regex === undefined) {
      const sources: string[] = [];
      for (let i = 0; i < group.length; i += 2) {
        if (key === '' || group[i] === key) sources.push(`(?:${group[i + 1] as string})`);
      }
      // Most words belong to one list: its expression is the group's, compiled once for both.
      const whole = key !== '' && sources.length * 2 === group.length;
      regex = whole ? this.expression(group, '', wrap) : null;
      if (!whole && sources.length > 0) regex = new RegExp(wrap.wrap(sources.join('|')), '');
      byKey.set(key, regex);
    }
    return regex;
  }
}

export const WHOLE_TEXT: Wrap = { wrap: (alternation) => `^(?:${alternation})$` };
/** The wrap under which `firstKey`'s expressions are kept (their patterns are wrapped one by one). */
const RANKED: Wrap = { wrap: (alternation) => alternation };
