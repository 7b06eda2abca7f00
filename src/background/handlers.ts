import type { Handlers } from '../shared/messaging/messenger';
import type { BackgroundApi } from '../shared/messaging/protocol';
import { createLibraryHandlers } from './library/library-handlers';
import type { LibraryRuntime } from './library/library-runtime';
import { extractFromTab } from './tab-content';

export function createBackgroundHandlers(
  ready: Promise<void>,
  library: () => Promise<LibraryRuntime>,
): Handlers<BackgroundApi> {
  return {
    'tab.extract': async ({ tabId, force }) => {
      await ready;
      return extractFromTab(tabId, { force });
    },
    ...createLibraryHandlers(library),
  };
}
