import { extractArticle } from '../extract/extract-article';
import type { Handlers } from '../shared/messaging/messenger';
import type { ContentApi } from '../shared/messaging/protocol';

/** Marks each extraction in the page's performance timeline, for benchmarks and tests. */
export const EXTRACT_MARK = 'tidy-reader:extract';

export function createContentHandlers(doc: Document): Handlers<ContentApi> {
  return {
    'content.ping': () => ({ ready: true }),
    'reader.extract': ({ force, keepComments }) => {
      const started = performance.now();
      const result = extractArticle(doc, { url: doc.URL, force, keepComments });
      performance.measure(EXTRACT_MARK, { start: started });
      return result;
    },
  };
}
