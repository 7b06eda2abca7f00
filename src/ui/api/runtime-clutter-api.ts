import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import type { ClutterApi } from './clutter-api';

const ALL_SITES = ['http://*/*', 'https://*/*'];

export function createRuntimeClutterApi(): ClutterApi {
  return {
    open: (tabId) => sendToBackground('clutter.open', { tabId }),
    setGroup: (tabId, group, hidden) => sendToBackground('clutter.setGroup', { tabId, group, hidden }),
    showAll: (tabId) => sendToBackground('clutter.showAll', { tabId }),
    async setAlwaysOn(tabId, origin, on) {
      // No await before this call: the prompt needs the click's user gesture.
      const granted = on ? await browser.permissions.request({ origins: [origin] }) : true;
      if (!granted) return { granted, state: null };
      return { granted, state: await sendToBackground('clutter.setAlwaysOn', { tabId, on }) };
    },
    startPicker: async (tabId) => void (await sendToBackground('clutter.startPicker', { tabId })),
    settings: () => sendToBackground('clutter.settings', {}),
    setDefaults: (defaults) => sendToBackground('clutter.setDefaults', { defaults }),
    async setEverywhere(on) {
      const granted = on ? await browser.permissions.request({ origins: ALL_SITES }) : true;
      if (!granted) return { granted, settings: await sendToBackground('clutter.settings', {}) };
      return { granted, settings: await sendToBackground('clutter.setDefaults', { everywhere: on }) };
    },
    updateSite: (host, change) => sendToBackground('clutter.updateSite', { host, change }),
    removePicked: (host, selector) => sendToBackground('clutter.removePicked', { host, selector }),
  };
}
