import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import type { FilterListsApi } from './filter-lists-api';

export function createRuntimeFilterListsApi(): FilterListsApi {
  return {
    status: () => sendToBackground('lists.status', {}),
    async setEnabled(list, on) {
      // No await before this call: the prompt needs the click's user gesture.
      const granted = on ? await browser.permissions.request({ origins: [list.origin] }) : true;
      if (!granted) return { granted, lists: await sendToBackground('lists.status', {}) };
      return { granted, lists: await sendToBackground('lists.setEnabled', { id: list.id, on }) };
    },
  };
}
