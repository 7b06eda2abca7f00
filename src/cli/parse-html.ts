/**
 * Node's DOM for the CLI and benchmarks: jsdom, the standards-compliant choice (parse5 builds the
 * same tree a browser does, and DOMPurify supports it; linkedom is faster but DOMPurify refuses it,
 * see bench/results).
 */
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * jsdom parses every `<style>` as it builds the tree, and some real-world CSS (preprocessor
 * leftovers such as `calc(($a - $b) / 2)`) makes that parser throw, losing the whole page.
 * Extraction never reads stylesheets (only inline `style`), so their text is dropped before
 * parsing. `<style>` is a raw-text element: its content ends at the first `</style`, which is what
 * the pattern matches, so no markup outside styles is touched.
 */
const STYLE_CONTENT = /(<style\b[^>]*>)[\s\S]*?(?=<\/style[\s/>])/gi;

/**
 * jsdom parses with scripting off, so a `<noscript>`'s content becomes elements, where a browser
 * (scripting on) keeps it as one text node. A raw-text element inside it then runs on past the
 * `</noscript>`: the tag managers' `<noscript><iframe … /></noscript>` (a self-closed iframe is
 * not closed) swallows the whole rest of the page as the iframe's text. Raw-text elements inside a
 * noscript are never shown in a browser that runs scripts, so they are dropped, closed or not;
 * the rest of the noscript (the lazy images Readability recovers from it) stays.
 */
const NOSCRIPT_CONTENT = /(<noscript\b[^>]*>)([\s\S]*?)(?=<\/noscript[\s/>]|$)/gi;
const RAW_TEXT_ELEMENT =
  /<(iframe|noembed|noframes|xmp|plaintext|textarea|title|script|style)\b[^>]*>[\s\S]*?(?:<\/\1[^>]*>|$)/gi;

/** The page's markup as jsdom should read it to build the tree a browser builds. */
export function forScriptingOffParser(html: string): string {
  return html
    .replace(STYLE_CONTENT, '$1')
    .replace(NOSCRIPT_CONTENT, (_all, open: string, content: string) => open + content.replace(RAW_TEXT_ELEMENT, ''));
}

export function parseHtml(html: string, url: string): Document {
  const dom = new JSDOM(forScriptingOffParser(html), {
    url: safeUrl(url),
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document;
}

/**
 * Closes a document's window and lets jsdom finish releasing it: its clean-up runs on a later turn
 * of the event loop, so a loop that parses page after page without yielding keeps every page it
 * has closed (about 4 MB each) until it runs out of memory.
 */
export async function closeDocument(doc: Document): Promise<void> {
  doc.defaultView?.close();
  await new Promise((resolve) => setImmediate(resolve));
}

/** jsdom needs an absolute URL; pages read from files get a neutral one. */
function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'about:blank';
  }
}
