import messages from '../../_locales/en/messages.json';
import type { ExtractResult } from '../../extract/types';
import { MessagingError } from '../../shared/messaging/messenger';
import { createCatalogTranslator } from '../i18n';
import type { ApiFailure, ExtensionApi } from './extension-api';
import { createMockSurfaceApi, type MockSurfaceOptions } from './mock-surface-api';
import { createMockLibraryApi, type MockLibraryApi } from './mock-library-api';
import { createMockClutterApi, type MockClutterApi } from './mock-clutter-api';
import { createMockFilterListsApi, type MockFilterListsApi } from './mock-filter-lists-api';
import { createMockSyncApi, type MockSyncApi } from './mock-sync-api';
import { createMockHighlightsApi, type MockHighlightsApi } from './mock-highlights-api';
import { createMockSendToApi, type MockSendToApi } from './mock-sendto-api';
import { createMockAlwaysReaderApi, type MockAlwaysReaderApi } from './mock-always-reader-api';

export interface MockApiOptions extends MockSurfaceOptions {
  tabId?: number | null;
  /** What `extractTab` answers, by `force`; a failure is thrown as the runtime would. */
  extract?: (options: { force: boolean; tabId: number }) => ExtractResult | ApiFailure;
  library?: MockLibraryApi;
  highlights?: MockHighlightsApi;
  clutter?: MockClutterApi;
  lists?: MockFilterListsApi;
  sync?: MockSyncApi;
  sendTo?: MockSendToApi;
  alwaysReader?: MockAlwaysReaderApi;
}

export type MockApi = ExtensionApi &
  ReturnType<typeof createMockSurfaceApi> & {
    calls: { extractTab: { tabId: number; force: boolean }[] };
  };

function isFailure(value: ExtractResult | ApiFailure): value is ApiFailure {
  return 'code' in value;
}

/** An in-memory `ExtensionApi` for component tests and previews. */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const calls: MockApi['calls'] = { extractTab: [] };
  return {
    ...createMockSurfaceApi(options),
    calls,
    getTargetTabId: async () => (options.tabId === undefined ? 1 : options.tabId),
    async extractTab(tabId, extractOptions) {
      const force = extractOptions?.force ?? false;
      calls.extractTab.push({ tabId, force });
      if (!options.extract) throw new MessagingError('failed', 'No extraction configured in the mock');
      const answer = options.extract({ force, tabId });
      if (isFailure(answer)) throw new MessagingError(answer.code, answer.message, answer);
      return answer;
    },
    library: options.library ?? createMockLibraryApi(),
    highlights: options.highlights ?? createMockHighlightsApi(),
    clutter: options.clutter ?? createMockClutterApi(),
    lists: options.lists ?? createMockFilterListsApi(),
    sync: options.sync ?? createMockSyncApi(),
    sendTo: options.sendTo ?? createMockSendToApi(),
    alwaysReader: options.alwaysReader ?? createMockAlwaysReaderApi(),
    t: createCatalogTranslator(messages),
    uiLanguage: 'en',
  };
}
