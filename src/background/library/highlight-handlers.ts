/** The `highlights.*` entries of the background protocol. */
import type { Handlers } from '../../shared/messaging/messenger';
import type { HighlightBackgroundApi } from '../../shared/messaging/highlight-protocol';
import { toLibraryFailure } from './library-handlers';
import type { LibraryRuntime } from './library-runtime';

export function createHighlightHandlers(library: () => Promise<LibraryRuntime>): Handlers<HighlightBackgroundApi> {
  const run = async <T>(work: (lib: LibraryRuntime) => Promise<T> | T): Promise<T> => {
    try {
      return await work(await library());
    } catch (error) {
      throw toLibraryFailure(error);
    }
  };
  return {
    'highlights.list': ({ articleId }) => run((lib) => lib.highlights.list(articleId)),
    'highlights.add': (req) => run((lib) => lib.highlights.add(req)),
    'highlights.update': ({ id, change }) => run((lib) => lib.highlights.update(id, change)),
    'highlights.delete': ({ id }) => run((lib) => lib.highlights.remove(id)),
    'highlights.restore': ({ highlight }) => run((lib) => lib.highlights.restore(highlight)),
    'highlights.browse': (req) => run((lib) => lib.highlights.browse(req)),
  };
}
