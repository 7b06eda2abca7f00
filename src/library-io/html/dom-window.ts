/**
 * The parts of a window that the HTML transforms use (and the sanitiser runs in). Passed in, so
 * the same code runs in the Firefox background page, Chrome's offscreen document, extension pages
 * and jsdom in tests.
 */
import type { SanitiserWindow } from '../../sanitise/policy';

export type DomWindow = SanitiserWindow & {
  DOMParser: typeof DOMParser;
  XMLSerializer: typeof XMLSerializer;
  document: Document;
};

export function parseBody(win: DomWindow, html: string): Document {
  return new win.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}
