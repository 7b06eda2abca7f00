/**
 * A generated set of articles, highlights and re-saves: deterministic (a seeded generator), so a
 * failure names its case and reruns the same.
 */
import { describeSpan } from '../../../src/highlights/anchor-text';
import type { HighlightSelectors, TextSpan } from '../../../src/highlights/types';

/** Mulberry32: small, seeded, good enough to vary test cases. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the harbour council said on monday that ferries would run again after the storm had closed the port ' +
  'for three days fishermen mended nets while engineers checked the pier and the lighthouse keeper wrote ' +
  'letters about the tides winter came early this year and the market moved indoors to the old customs ' +
  'house where traders sold bread cheese apples rope paint and tickets for the evening concert'
).split(' ');

/** Sentences that occur more than once, so that only the context tells the copies apart. */
const REFRAINS = ['The ferries would run again.', 'Nobody knew who had written the letters.'];

function sentence(random: () => number): string {
  if (random() < 0.12) return REFRAINS[Math.floor(random() * REFRAINS.length)]!;
  const length = 6 + Math.floor(random() * 12);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  return Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random)).join(' ');
}

export interface EditCase {
  name: string;
  before: string;
  after: string;
  selectors: HighlightSelectors;
  /** Where the highlighted passage is after the edit; null when the edit destroyed it. */
  expected: TextSpan | null;
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, { at, remove, insert }: Splice): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Where `span` goes when `splice` is applied (edits inside it move its end). */
function follow(span: TextSpan, { at, remove, insert }: Splice): TextSpan {
  const delta = insert.length - remove;
  if (at + remove <= span.start) return { start: span.start + delta, end: span.end + delta };
  if (at >= span.end) return span;
  return { start: span.start, end: span.end + delta };
}

/** The offsets of the paragraph starts ("\n\n" separates paragraphs). */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 1)) starts.push(i + 2);
  return starts;
}

/** A word boundary range `[start, end)` of the word at or after `from`. */
function wordAt(text: string, from: number): TextSpan | null {
  const match = /[a-z]{3,}/g;
  match.lastIndex = Math.max(0, from);
  const found = match.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : null;
}

const KINDS = [
  'insert-paragraph-before',
  'insert-paragraph-after',
  'delete-paragraph-before',
  'edit-word-before',
  'edit-word-after',
  'insert-before-and-edit-around',
  'typo-inside',
  'many-inserts-before',
] as const;

/** `count` re-saves that keep the highlighted passage (changed a little at most). */
export function survivableEdits(count: number, seed = 18): EditCase[] {
  const random = seeded(seed);
  const cases: EditCase[] = [];
  for (let n = 0; cases.length < count; n++) {
    const before = Array.from({ length: 6 + Math.floor(random() * 8) }, () => paragraph(random)).join('\n\n');
    // A highlight of a few words to two sentences, sometimes across a paragraph break.
    const starts = paragraphStarts(before);
    const p = 1 + Math.floor(random() * (starts.length - 2));
    const pStart = starts[p]!;
    const from = wordAt(before, pStart + Math.floor(random() * 40));
    if (!from) continue;
    const length = 15 + Math.floor(random() * 120);
    const end = wordAt(before, from.start + length);
    if (!end) continue;
    const span = { start: from.start, end: end.end };
    const selectors = describeSpan(before, span.start, span.end);
    const kind = KINDS[n % KINDS.length]!;
    const splices: Splice[] = [];
    const newParagraph = () => `${paragraph(random)}\n\n`;
    const replaceWord = (word: TextSpan | null) =>
      word
        ? { at: word.start, remove: word.end - word.start, insert: WORDS[Math.floor(random() * WORDS.length)]! }
        : null;
    const previousWordStart = (at: number) => {
      let i = at - 2;
      while (i > 0 && /[a-z]/.test(before[i - 1]!)) i--;
      return i;
    };
    switch (kind) {
      case 'insert-paragraph-before':
        splices.push({ at: starts[Math.floor(random() * (p + 1))]!, remove: 0, insert: newParagraph() });
        break;
      case 'insert-paragraph-after': {
        const later = starts.filter((s) => s > span.end);
        splices.push({
          at: later[0] ?? before.length,
          remove: 0,
          insert: later[0] ? newParagraph() : `\n\n${paragraph(random)}`,
        });
        break;
      }
      case 'delete-paragraph-before': {
        const q = Math.floor(random() * p);
        splices.push({ at: starts[q]!, remove: starts[q + 1]! - starts[q]!, insert: '' });
        break;
      }
      case 'edit-word-before': {
        const edit = replaceWord(wordAt(before, previousWordStart(span.start)));
        if (edit && edit.at + edit.remove <= span.start) splices.push(edit);
        break;
      }
      case 'edit-word-after': {
        const edit = replaceWord(wordAt(before, span.end + 1));
        if (edit) splices.push(edit);
        break;
      }
      case 'insert-before-and-edit-around': {
        const after = replaceWord(wordAt(before, span.end + 1));
        if (after) splices.push(after);
        splices.push({ at: pStart, remove: 0, insert: newParagraph() });
        break;
      }
      case 'typo-inside': {
        const at = span.start + 1 + Math.floor(random() * (span.end - span.start - 2));
        splices.push({ at, remove: 1, insert: before[at] === 'x' ? 'y' : 'x' });
        break;
      }
      case 'many-inserts-before':
        for (const s of [starts[p]!, starts[0]!]) splices.push({ at: s, remove: 0, insert: newParagraph() });
        break;
    }
    if (splices.length === 0) continue;
    // Applied from the end backwards, so earlier offsets stay valid.
    splices.sort((a, b) => b.at - a.at);
    let after = before;
    let expected: TextSpan = span;
    for (const splice of splices) {
      after = apply(after, splice);
      expected = follow(expected, splice);
    }
    cases.push({ name: `${kind} #${cases.length}`, before, after, selectors, expected });
  }
  return cases;
}

/** Re-saves that lose the highlighted passage: it must come back orphaned, never elsewhere. */
export function destructiveEdits(count: number, seed = 81): EditCase[] {
  const random = seeded(seed);
  return survivableEdits(count, seed).map((c, i) => {
    const { start, end } = c.selectors.position;
    const starts = paragraphStarts(c.before);
    const ends = starts
      .slice(1)
      .map((s) => s - 2)
      .concat(c.before.length);
    const first = starts.filter((s) => s <= start).at(-1)!;
    const last = ends.find((e) => e >= end)!;
    // Either the paragraphs holding it go, or they are rewritten.
    const insert = i % 2 === 0 ? '' : paragraph(random);
    return {
      name: `${i % 2 === 0 ? 'paragraph-deleted' : 'paragraph-rewritten'} #${i}`,
      before: c.before,
      after: c.before.slice(0, first) + insert + c.before.slice(last),
      selectors: c.selectors,
      expected: null,
    };
  });
}
