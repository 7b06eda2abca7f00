import type { Handlers } from '../shared/messaging/messenger';
import type { BackgroundApi } from '../shared/messaging/protocol';
import { createAlwaysReaderHandlers } from './always-reader/always-reader-handlers';
import type { AlwaysReaderStore } from './always-reader/always-reader-store';
import { createClutterHandlers } from './clutter/clutter-handlers';
import type { ClutterSettingsStore } from './clutter/clutter-settings-store';
import { createFilterListHandlers } from './filter-lists/list-handlers';
import type { FilterListService } from './filter-lists/list-service';
import { createHighlightHandlers } from './library/highlight-handlers';
import { createLibraryHandlers } from './library/library-handlers';
import type { LibraryRuntime } from './library/library-runtime';
import { createSendToHandlers } from './sendto/sendto-handlers';
import type { SendToService } from './sendto/sendto-service';
import { createSyncHandlers } from './sync/sync-handlers';
import type { SyncService } from './sync/sync-service';

export function createBackgroundHandlers(
  ready: Promise<void>,
  library: () => Promise<LibraryRuntime>,
  clutterSettings: ClutterSettingsStore,
  filterLists: FilterListService,
  sync: SyncService,
  sendTo: SendToService,
  alwaysReader: AlwaysReaderStore,
): Handlers<BackgroundApi> {
  return {
    ...createLibraryHandlers(library),
    ...createHighlightHandlers(library),
    ...createClutterHandlers(ready, clutterSettings, () => filterLists.isActive()),
    ...createFilterListHandlers(ready, filterLists),
    ...createSyncHandlers(ready, sync),
    ...createSendToHandlers(ready, sendTo),
    ...createAlwaysReaderHandlers(ready, alwaysReader, library),
  };
}
