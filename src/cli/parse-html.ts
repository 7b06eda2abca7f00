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

export function parseHtml(html: string, url: string): Document {
  const dom = new JSDOM(html.replace(STYLE_CONTENT, '$1'), {
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
