import { DEFAULT_BUDGET_MS, extractArticle } from '../extract/extract-article';
import type { ExtractResult } from '../extract/types';
import type { Handlers } from '../shared/messaging/messenger';
import type { ContentApi } from '../shared/messaging/protocol';
import { createKeptResult } from './kept-result';

/** Marks each extraction in the page's performance timeline, for benchmarks and tests. */
export const EXTRACT_MARK = 'tidy-reader:extract';
/** Each step of an extraction, named by the engine's step (`onStep`), as `STEP_MARK + name`. */
export const STEP_MARK = 'tidy-reader:step:';
/** Marked when a request is answered with the kept result of an earlier extraction. */
export const KEPT_MARK = 'tidy-reader:extract-kept';

export function createContentHandlers(doc: Document): Handlers<ContentApi> {
  const lastExtraction = createKeptResult<ExtractResult>(doc);
  return {
    'content.ping': () => ({ ready: true }),
    'reader.extract': ({ force, keepComments }) => {
      // Every input of the extraction: the address and the reader's options (the page is watched).
      const key = JSON.stringify([doc.URL, Boolean(force), Boolean(keepComments)]);
      const { value, wasKept } = lastExtraction.answer(key, () => {
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
        // Out of time, the engine skipped optional steps: asked again, it may do better.
        return { value: result, isKeepable: performance.now() - started < DEFAULT_BUDGET_MS };
      });
      if (wasKept) performance.mark(KEPT_MARK);
      return value;
    },
  };
}
