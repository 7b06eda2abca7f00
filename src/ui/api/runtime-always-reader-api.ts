import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import type { AlwaysReaderApi } from './always-reader-api';

export function createRuntimeAlwaysReaderApi(): AlwaysReaderApi {
  return {
    site: (tabId) => sendToBackground('alwaysReader.site', { tabId }),
    async setSite({ host, origin }, on) {
      if (!on) return { granted: true, sites: await sendToBackground('alwaysReader.set', { host, on }) };
      // No await before the request: the prompt needs the click's gesture. The choice is sent
      // beside it, because Firefox may close the popup while its prompt is open; the background
      // runs the script only where access was granted, and rebuilds that when access arrives.
      const granted = browser.permissions.request({ origins: [origin] });
      const saved = sendToBackground('alwaysReader.set', { host, on: true });
      if (await granted) return { granted: true, sites: await saved };
      await saved.catch(() => undefined);
      return { granted: false, sites: await sendToBackground('alwaysReader.set', { host, on: false }) };
    },
    list: () => sendToBackground('alwaysReader.list', {}),
    remove: (host) => sendToBackground('alwaysReader.set', { host, on: false }),
    articleFor: (url) => sendToBackground('alwaysReader.article', { url }),
    save: (url) => sendToBackground('alwaysReader.save', { url }),
    showOriginal: async (url) => void (await sendToBackground('alwaysReader.showOriginal', { url })),
  };
}
