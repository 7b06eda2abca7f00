import { signal } from '@preact/signals';
import type { ImportStep } from '../api/library-api';
import type { LibraryStore } from './createLibraryStore';

/**
 * The library's running import, for its progress bar and Cancel button. The import itself (and the
 * notice at its end) is the library store's; this holds how far it is and how to stop it.
 */
export function createImportStore(library: LibraryStore) {
  /** null: no import running. */
  const step = signal<ImportStep | null>(null);
  const isCancelling = signal(false);
  let controller: AbortController | null = null;

  return {
    step,
    isCancelling,
    /** Imports `file`; resolves when it is done, cancelled or failed (the notice says which). */
    async start(file: Blob): Promise<boolean> {
      if (controller) return false;
      controller = new AbortController();
      step.value = { state: 'reading', done: 0, total: 0 };
      try {
        return await library.importFile(file, {
          signal: controller.signal,
          onProgress: (next) => (step.value = next),
        });
      } finally {
        controller = null;
        step.value = null;
        isCancelling.value = false;
      }
    },
    /** Stops after the chunk being stored; what was stored stays. */
    cancel(): void {
      if (!controller) return;
      isCancelling.value = true;
      controller.abort();
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
