/**
 * The parts of a window that the HTML transforms use. Passed in, so the same code runs in the
 * Firefox background page, Chrome's offscreen document, extension pages and jsdom in tests.
 */
export interface DomWindow {
  DOMParser: typeof DOMParser;
  XMLSerializer: typeof XMLSerializer;
  document: Document;
}

export function parseBody(win: DomWindow, html: string): Document {
  return new win.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}
