/**
 * The popup's extraction request goes out from a classic script in the page's head
 * (`popup-start.js`, built from start.ts) and crosses to the module entry here
 * (src/ui/start-handover.ts).
 */
import { createStartHandover } from '../start-handover';
import type { LoadedArticle } from '../stores/article-source';

const handover = createStartHandover<Promise<LoadedArticle | null>>('popup-reading');

export function handOverReading(reading: Promise<LoadedArticle | null>): void {
  // Handled here so that a failure is not reported unhandled before the UI awaits it.
  reading.catch(() => undefined);
  handover.give(reading);
}

/** The request the start script sent; taken once. */
export function takeStartedReading(): Promise<LoadedArticle | null> {
  return handover.take() ?? Promise.reject(new Error('The popup’s start script did not run.'));
}
