import { findCommentThreads } from './comment-threads';
import type { CompiledClutter } from './compile';
import { isException, isProtected, shieldingExceptions } from './guard';
import { findTextSignals, type SignalKind } from './text-signals';
import type { ClutterCategory } from './types';

export interface ClutterMatch {
  element: Element;
  category: ClutterCategory;
  /** Which kind of rule matched: useful in reports and for debugging a rule. */
  by: 'selector' | 'structure' | SignalKind;
}

export interface FindClutterOptions {
  /** Categories to look for (default: every category with rules on this page). */
  categories?: readonly ClutterCategory[];
  /** Elements that must stay visible: the article body. Their ancestors are never matched. */
  protect?: readonly Element[];
  /** Also read headings, labels and lead-ins (the part selectors cannot express). Default true. */
  text?: boolean;
  /** Bound on text nodes read by the text pass. */
  maxTextNodes?: number;
  /**
   * Also recognise comment threads by their structure (signed, dated, answerable blocks), whatever
   * their names. Default false: extraction reads threads its own way.
   */
  threads?: boolean;
  /** `compiled.index.classifyAll(root)`, when the caller has it already: saves a walk. */
  classified?: readonly (readonly [Element, string])[];
}

/** The category of the first rule list that matches `element`, or null. */
export function selectorCategory(
  element: Element,
  compiled: CompiledClutter,
  categories: readonly ClutterCategory[] = compiled.categories,
): ClutterCategory | null {
  for (const category of compiled.categories) {
    if (categories.includes(category) && compiled.selectors.get(category)?.matches(element)) return category;
  }
  return null;
}

/** Keeps only matches that are not inside another match. */
function outermost(matches: ClutterMatch[]): ClutterMatch[] {
  const elements = new Set(matches.map((m) => m.element));
  return matches.filter((m) => {
    for (let el = m.element.parentElement; el; el = el.parentElement) if (elements.has(el)) return false;
    return true;
  });
}

/**
 * Clutter under `root`, outermost elements only, never an exception (code) nor an element that
 * holds a protected one.
 */
export function findClutter(
  root: Element,
  compiled: CompiledClutter,
  options: FindClutterOptions = {},
): ClutterMatch[] {
  const categories = compiled.categories.filter((c) => !options.categories || options.categories.includes(c));
  const protect = options.protect ?? [];
  const matches: ClutterMatch[] = [];
  const classified = options.classified ?? compiled.index.classifyAll(root);
  const exceptions = shieldingExceptions(classified, protect);
  for (const [element, tag] of classified) {
    const category = tag as ClutterCategory;
    if (!categories.includes(category) || isException(element, exceptions) || isProtected(element, protect)) continue;
    matches.push({ element, category, by: 'selector' });
  }
  if (options.text !== false) {
    const signals = findTextSignals(root, compiled, {
      categories,
      protect,
      exceptions,
      skip: new Set(matches.map((m) => m.element)),
      maxTextNodes: options.maxTextNodes,
    });
    for (const signal of signals) {
      for (const element of signal.elements) matches.push({ element, category: signal.category, by: signal.by });
    }
  }
  if (options.threads && categories.includes('comments')) {
    // Threads the rules found already are not read again. Other matches may sit inside a thread (a
    // comment's own "Share" menu) and must not hide its controls from the finder.
    const found = new Set(matches.filter((m) => m.category === 'comments').map((m) => m.element));
    const all = new Set(matches.map((m) => m.element));
    for (const thread of findCommentThreads(root, (el) => isProtected(el, protect), found)) {
      if (all.has(thread) || isException(thread, exceptions)) continue;
      matches.push({ element: thread, category: 'comments', by: 'structure' });
    }
  }
  return outermost(matches);
}
