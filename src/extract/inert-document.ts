/**
 * The engine works on copies of the page, and the copies are inert: a document made by
 * `implementation.createHTMLDocument` or cloned has no browsing context, so nothing parsed into it
 * loads or runs (no image request, no script, no event handler). HTML strings taken from the page
 * (a `<noscript>`'s text, a JSON-LD `articleBody`) are parsed only into such a copy. The type says
 * so: an `InertDocument` is made only here, so the live page's `document` cannot be handed to
 * `fixLazyImages` or to an HTML write by mistake (tests/unit/extract/inert-document.test-d.ts).
 */
declare const INERT: unique symbol;

/** A document with no window: what is parsed into it stays inert. */
export type InertDocument = Document & { readonly [INERT]: true };

function checkedInert(doc: Document): InertDocument {
  // A document with a window is a live one (the page, or a frame's): never an inert copy.
  if (doc.defaultView !== null) throw new Error('An inert copy of the page has no window.');
  return doc as InertDocument;
}

/** A new, empty inert document (titled `title`), made by the same DOM implementation as `like`. */
export function createInertDocument(like: Document, title = ''): InertDocument {
  return checkedInert(like.implementation.createHTMLDocument(title));
}

/** An inert copy of the whole of `doc`. */
export function cloneInert(doc: Document): InertDocument {
  return checkedInert(doc.cloneNode(true) as Document);
}

/**
 * Parses `html` as the content of `target`, an element of the inert copy `doc`: the engine's one
 * HTML write (lint refuses `innerHTML =` and its kin everywhere else in the engine).
 */
export function writeInertHtml(doc: InertDocument, target: Element, html: string): void {
  if (target.ownerDocument !== doc) throw new Error('HTML from the page is parsed only into its inert copy.');
  target.innerHTML = html;
}
