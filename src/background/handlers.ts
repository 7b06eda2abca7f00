import type { Handlers } from '../shared/messaging/messenger';
import type { BackgroundApi } from '../shared/messaging/protocol';
import { extractFromTab } from './tab-content';

export function createBackgroundHandlers(ready: Promise<void>): Handlers<BackgroundApi> {
  return {
    'tab.extract': async ({ tabId, force }) => {
      await ready;
      return extractFromTab(tabId, { force });
    },
  };
}
