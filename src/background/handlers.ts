import type { Handlers } from '../shared/messaging/messenger';
import type { BackgroundApi } from '../shared/messaging/protocol';
import { createClutterHandlers } from './clutter/clutter-handlers';
import type { ClutterSettingsStore } from './clutter/clutter-settings-store';
import { createLibraryHandlers } from './library/library-handlers';
import type { LibraryRuntime } from './library/library-runtime';
import { extractFromTab } from './tab-content';

export function createBackgroundHandlers(
  ready: Promise<void>,
  library: () => Promise<LibraryRuntime>,
  clutterSettings: ClutterSettingsStore,
): Handlers<BackgroundApi> {
  return {
    'tab.extract': async ({ tabId, force }) => {
      await ready;
      return extractFromTab(tabId, { force });
    },
    ...createLibraryHandlers(library),
    ...createClutterHandlers(ready, clutterSettings),
  };
}
