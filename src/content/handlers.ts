import { extractArticle } from '../extract/extract-article';
import type { Handlers } from '../shared/messaging/messenger';
import type { ContentApi } from '../shared/messaging/protocol';

/** Marks each extraction in the page's performance timeline, for benchmarks and tests. */
export const EXTRACT_MARK = 'tidy-reader:extract';
/** Each step of an extraction, named by the engine's step (`onStep`), as `STEP_MARK + name`. */
export const STEP_MARK = 'tidy-reader:step:';

export function createContentHandlers(doc: Document): Handlers<ContentApi> {
  return {
    'content.ping': () => ({ ready: true }),
    'reader.extract': ({ force, keepComments }) => {
      const started = performance.now();
      // Where an extraction's time goes, for the speed benchmark and DevTools' Performance panel:
      // one measure per step, a few microseconds each.
      let last = started;
      const onStep = (step: string): void => {
        performance.measure(STEP_MARK + step, { start: last });
        last = performance.now();
      };
      const clock = (): number => performance.now();
      const result = extractArticle(doc, { url: doc.URL, force, keepComments, onStep, clock });
      onStep('result');
      performance.measure(EXTRACT_MARK, { start: started });
      return result;
    },
  };
}
