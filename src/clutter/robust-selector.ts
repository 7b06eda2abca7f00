/**
 * A selector for an element the user picked, meant to find the same element on the next visit:
 * stable ids and class names over positions, as short as stays unique. Class names and ids that
 * look generated (hashes, long numbers, CSS-module suffixes) change between deploys and are
 * avoided.
 */

const GENERATED =
  /\d{3,}|^[a-z]{1,3}-[a-z0-9]{5,}$|__[a-z0-9]{4,}$|_[a-z0-9]{5,}$|^css-|^sc-|^jsx-|[A-Z].*[0-9]|[0-9].*[A-Z]/;
const STATE = /^(is-|has-|js-)|(active|open|hover|focus|visible|hidden|selected|loaded|sticky)$/i;
const MAX_DEPTH = 6;

function escapeIdent(value: string): string {
  return value.replace(/^(-?\d)/, '\\3$1 ').replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
}

function isStable(name: string): boolean {
  return name.length > 1 && name.length < 40 && !GENERATED.test(name) && !STATE.test(name);
}

function isUnique(doc: Document, selector: string, element: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/** The element's own part: tag, plus its stable id or classes. */
function compoundOf(element: Element): { id: string | null; withClasses: string } {
  const tag = element.tagName.toLowerCase();
  const id = element.getAttribute('id');
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(isStable).slice(0, 3);
  return {
    id: id && isStable(id) ? `#${escapeIdent(id)}` : null,
    withClasses: tag + classes.map((c) => `.${escapeIdent(c)}`).join(''),
  };
}

function nthOfType(element: Element): string {
  let index = 1;
  for (let s = element.previousElementSibling; s; s = s.previousElementSibling) {
    if (s.tagName === element.tagName) index += 1;
  }
  return `:nth-of-type(${index})`;
}

/** A selector matching `element` alone in its document, or null for the root and body. */
export function robustSelector(element: Element): string | null {
  const doc = element.ownerDocument;
  if (element === doc.documentElement || element === doc.body) return null;
  const own = compoundOf(element);
  if (own.id && isUnique(doc, own.id, element)) return own.id;
  if (own.withClasses.includes('.') && isUnique(doc, own.withClasses, element)) return own.withClasses;
  // Walk up to an ancestor that can be named on its own, then come back down by child steps.
  const steps: string[] = [];
  let current: Element = element;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parent: Element | null = current.parentElement;
    const part = compoundOf(current);
    const step = part.withClasses + nthOfType(current);
    steps.unshift(step);
    if (!parent || parent === doc.body || parent === doc.documentElement) {
      const selector = `body > ${steps.join(' > ')}`;
      return isUnique(doc, selector, element) ? selector : null;
    }
    const named = compoundOf(parent);
    for (const base of [named.id, named.withClasses.includes('.') ? named.withClasses : null]) {
      if (!base || !isUnique(doc, base, parent)) continue;
      const selector = `${base} > ${steps.join(' > ')}`;
      if (isUnique(doc, selector, element)) return selector;
    }
    current = parent;
  }
  return null;
}
