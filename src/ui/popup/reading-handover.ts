/**
 * The popup's extraction request goes out from a classic script in the page's head
 * (`popup-start.js`, built from start.ts): a classic script runs as soon as the parser reaches it,
 * while the module entry waits for the end of parsing and for its imports. The request crosses to
 * the module entry here, on one well-known property of the page's global object.
 */
import type { LoadedArticle } from '../stores/article-source';

const STARTED = Symbol.for('tidy-reader.popup-reading');
type Scope = typeof globalThis & { [STARTED]?: Promise<LoadedArticle | null> };

export function handOverReading(reading: Promise<LoadedArticle | null>): void {
  // Handled here so that a failure is not reported unhandled before the UI awaits it.
  reading.catch(() => undefined);
  (globalThis as Scope)[STARTED] = reading;
}

/** The request the start script sent; taken once. */
export function takeStartedReading(): Promise<LoadedArticle | null> {
  const scope = globalThis as Scope;
  const reading = scope[STARTED];
  delete scope[STARTED];
  return reading ?? Promise.reject(new Error('The popup’s start script did not run.'));
}
