/** The `articles.*` and `transfer.*` entries of the background protocol. */
import { ImportFileError } from '../../library-io/import/types';
import { MessagingError, type Handlers } from '../../shared/messaging/messenger';
import type { LibraryBackgroundApi } from '../../shared/messaging/library-protocol';
import { LibraryError } from '../../storage/errors';
import type { LibraryRuntime } from './library-runtime';
import { saveTab } from './save-tab';

/** Library failures keep their code and reason across the channel; the UI explains each. */
export function toLibraryFailure(error: unknown): unknown {
  if (error instanceof LibraryError || error instanceof ImportFileError) {
    const { message, reason, params } = error;
    return new MessagingError(error instanceof LibraryError ? error.code : 'invalid-file', message, { reason, params });
  }
  return error;
}

export function createLibraryHandlers(library: () => Promise<LibraryRuntime>): Handlers<LibraryBackgroundApi> {
  const run = async <T>(work: (lib: LibraryRuntime) => Promise<T> | T): Promise<T> => {
    try {
      return await work(await library());
    } catch (error) {
      throw toLibraryFailure(error);
    }
  };
  return {
    'articles.saveTab': ({ tabId, force }) => run((lib) => saveTab(lib.service, tabId, { force })),
    'articles.saveUrl': ({ url, title }) => run((lib) => lib.service.saveUrl(url, title)),
    'articles.lookup': ({ url }) => run((lib) => lib.service.lookup(url)),
    'articles.get': ({ id }) => run((lib) => lib.service.get(id)),
    'articles.image': ({ id, url }) => run((lib) => lib.service.image(id, url)),
    'articles.list': (req) => run((lib) => lib.service.list(req)),
    'articles.findNext': ({ after, queue }) => run((lib) => lib.service.findNext(after, queue)),
    'articles.pictures': ({ ids }) => run(async (lib) => ({ pictures: await lib.service.pictures(ids) })),
    'articles.update': ({ ids, change }) => run((lib) => lib.service.update(ids, change)),
    'articles.delete': ({ ids }) => run((lib) => lib.service.remove(ids).finally(lib.highlights.forget)),
    'articles.undoDelete': ({ undoToken }) =>
      run((lib) => lib.service.undoRemove(undoToken).finally(lib.highlights.forget)),
    'articles.fetchMissing': ({ ids }) => run((lib) => lib.service.fetchMissing(ids)),
    'articles.estimate': () => run((lib) => lib.service.estimate()),
    'articles.warm': () =>
      run(async (lib) => {
        await lib.service.warm();
        return { ready: true as const };
      }),
    'articles.export': (req) =>
      run(async (lib) => {
        const file = await lib.exchange.exportArticles(req);
        const transferId = lib.transfers.offer(file.blob);
        return { transferId, fileName: file.fileName, mimeType: file.mimeType, size: file.blob.size };
      }),
    'articles.import': ({ transferId }) =>
      run((lib) => lib.imports.run(lib.transfers.finish(transferId)).finally(lib.highlights.forget)),
    'articles.importStart': ({ transferId }) => run((lib) => lib.imports.start(lib.transfers.finish(transferId))),
    'articles.importStatus': ({ jobId }) => run((lib) => lib.imports.status(jobId)),
    'articles.importCancel': ({ jobId }) => run((lib) => lib.imports.cancel(jobId)),
    'transfer.open': ({ size }) => run((lib) => ({ transferId: lib.transfers.open(size) })),
    'transfer.write': ({ transferId, offset, data }) =>
      run((lib) => ({ received: lib.transfers.write(transferId, offset, data) })),
    'transfer.read': ({ transferId, offset, length }) =>
      run(async (lib) => ({ data: await lib.transfers.read(transferId, offset, length) })),
    'transfer.close': ({ transferId }) =>
      run((lib) => {
        lib.transfers.close(transferId);
        return { closed: true as const };
      }),
  };
}
