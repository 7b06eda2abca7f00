/**
 * An app shell whose content waits in `<noscript>`: forum engines and single-page sites render
 * with scripts and keep a plain copy for browsers (and search engines) without them. Where the
 * page shows almost nothing else, as a saved file or a page whose scripts did not run, that copy
 * is what there is to read.
 */
import { createInertDocument, writeInertHtml, type InertDocument } from './inert-document';

/** Text outside `<noscript>` beyond this means the page rendered: its fallback is not read. */
const MAX_SHELL_CHARS = 200;
/** A fallback shorter than this is a "please enable JavaScript" notice, not content. */
const MIN_FALLBACK_CHARS = 500;

const NOT_SHOWN = new Set(['NOSCRIPT', 'SCRIPT', 'STYLE', 'TEMPLATE']);

/** Characters of text under `root` outside `<noscript>`, scripts and styles; stops past `limit`. */
function shownChars(root: Element, limit: number): number {
  const walker = (root.ownerDocument as Document).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let hidden = false;
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
      if (NOT_SHOWN.has(el.tagName.toUpperCase())) {
        hidden = true;
        break;
      }
    }
    if (hidden) continue;
    total += (node.nodeValue ?? '').trim().length;
    if (total > limit) break;
  }
  return total;
}

/**
 * A new inert document holding `doc` with each `<noscript>` replaced by its content, or null when
 * the page shows text of its own or its fallback is too short to read. With scripting on, a
 * browser keeps noscript content as text: it is parsed here, in the inert copy, never in the page.
 */
export function noscriptFallback(doc: Document): InertDocument | null {
  const body = doc.body;
  if (!body || body.getElementsByTagName('noscript').length === 0) return null;
  if (shownChars(body, MAX_SHELL_CHARS) > MAX_SHELL_CHARS) return null;
  const copy = createInertDocument(doc, doc.title);
  for (const name of ['lang', 'dir']) {
    const value = doc.documentElement.getAttribute(name);
    if (value !== null) copy.documentElement.setAttribute(name, value);
  }
  // The head carries the metadata (title, description, structured data) the engine reads.
  if (doc.head) copy.head.replaceChildren(...Array.from(doc.head.childNodes, (node) => copy.importNode(node, true)));
  const copied = copy.importNode(body, true) as HTMLElement;
  copy.documentElement.replaceChild(copied, copy.body);
  for (const noscript of Array.from(copied.getElementsByTagName('noscript')).reverse()) {
    const template = copy.createElement('template');
    writeInertHtml(copy, template, noscript.children.length === 0 ? (noscript.textContent ?? '') : noscript.innerHTML);
    noscript.replaceWith(template.content);
  }
  return shownChars(copied, MIN_FALLBACK_CHARS) >= MIN_FALLBACK_CHARS ? copy : null;
}
