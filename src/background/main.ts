/**
 * Background composition root. Every listener is registered synchronously at the top level (a
 * service worker woken by an event only delivers it to listeners that exist before the first
 * await); handlers wait for `ready` instead.
 */
import { browser } from '../shared/browser';
import { serve, type RuntimePort } from '../shared/messaging/messenger';
import { backgroundSenders, type BackgroundApi } from '../shared/messaging/protocol';
import { createAlwaysReaderStore } from './always-reader/always-reader-store';
import { registerAlwaysReaderListeners } from './always-reader/always-reader-listeners';
import { createClutterSettingsStore } from './clutter/clutter-settings-store';
import { registerClutterListeners } from './clutter/clutter-listeners';
import { createFilterListService } from './filter-lists/list-service';
import { registerFilterListListeners } from './filter-lists/list-listeners';
import { createBackgroundHandlers } from './handlers';
import { init } from './init';
import { registerCommands } from './surfaces/commands';
import { registerContextMenus } from './surfaces/context-menus';
import { createLibraryRuntime, type LibraryRuntime } from './library/library-runtime';
import { handleCommand, handlePermissionsAdded } from './library/save-triggers';
import { createSendToService } from './sendto/sendto-service';
import { createSyncService } from './sync/sync-service';
import { registerSyncListeners } from './sync/sync-listeners';

const ready = init();
let libraryRuntime: Promise<LibraryRuntime> | null = null;
/** The library opens its database on first use, not on every wake of the worker. */
const library = (): Promise<LibraryRuntime> =>
  (libraryRuntime ??= createLibraryRuntime().then((runtime) => {
    // The sync follows the library's writes from the moment it is open.
    sync.watch(runtime);
    return runtime;
  }));
const sync = createSyncService({ library });
const sendTo = createSendToService({ library });
const clutterSettings = createClutterSettingsStore();
const filterLists = createFilterListService();
const alwaysReader = createAlwaysReaderStore();

serve<BackgroundApi>(
  browser.runtime as unknown as RuntimePort,
  'background',
  createBackgroundHandlers(ready, library, clutterSettings, filterLists, sync, sendTo, alwaysReader),
  backgroundSenders,
);

registerCommands();
registerContextMenus(library);
registerClutterListeners(clutterSettings);
registerAlwaysReaderListeners(alwaysReader);
registerFilterListListeners(filterLists);
registerSyncListeners(sync);
browser.commands.onCommand.addListener((command, tab) => handleCommand(library, command, tab));
browser.permissions.onAdded.addListener((added) => handlePermissionsAdded(library, added));
