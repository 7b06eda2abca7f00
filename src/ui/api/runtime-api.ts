import { createRuntimeTranslator } from '../../shared/i18n/runtime';
import type { ExtensionApi } from './extension-api';
import { runtimeExtractTab, runtimeTargetTabId } from './runtime-tab-reading';
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
    getTargetTabId: () => runtimeTargetTabId(location),
    extractTab: runtimeExtractTab,
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
