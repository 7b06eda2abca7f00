import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import { createRuntimeTranslator } from '../../shared/i18n/runtime';
import { readTabIdParam, type ExtensionApi } from './extension-api';
import { createRuntimeSurfaceApi } from './runtime-surface-api';
import { createRuntimeLibraryApi } from './runtime-library-api';
import { createRuntimeClutterApi } from './runtime-clutter-api';
import { createRuntimeFilterListsApi } from './runtime-filter-lists-api';
import { createRuntimeSyncApi } from './runtime-sync-api';
import { createRuntimeHighlightsApi } from './runtime-highlights-api';
import { createRuntimeSendToApi } from './runtime-sendto-api';
import { createRuntimeAlwaysReaderApi } from './runtime-always-reader-api';

export function createRuntimeApi(location: Location): ExtensionApi {
  const { t, language } = createRuntimeTranslator();
  return {
    ...createRuntimeSurfaceApi(),
    async getTargetTabId() {
      const fromParam = readTabIdParam(location.search);
      if (fromParam !== null) return fromParam;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    extractTab: (tabId, options) => sendToBackground('tab.extract', { tabId, force: options?.force }),
    library: createRuntimeLibraryApi(),
    highlights: createRuntimeHighlightsApi(),
    clutter: createRuntimeClutterApi(),
    lists: createRuntimeFilterListsApi(),
    sync: createRuntimeSyncApi(),
    sendTo: createRuntimeSendToApi(),
    alwaysReader: createRuntimeAlwaysReaderApi(),
    t,
    uiLanguage: language,
  };
}
