import { browser } from '../../shared/browser';
import { sendToBackground } from '../../shared/messaging/clients';
import { originPattern } from '../../shared/origin-pattern';
import type { SendToApi } from './sendto-api';

export function createRuntimeSendToApi(): SendToApi {
  const status = () => sendToBackground('sendto.status', {});
  return {
    status,
    async connect(setup) {
      let pattern: string | null = null;
      try {
        pattern = originPattern(new URL(setup.url.trim()).origin);
      } catch {
        // Not an address: the background says so.
      }
      if (!pattern) return sendToBackground('sendto.connect', setup);
      // As for the sync: whether the reader had granted it already, asked before the request
      // (no await before the request: the prompt needs the click's gesture).
      const hadAccess = browser.permissions.contains({ origins: [pattern] });
      const granted = browser.permissions.request({ origins: [pattern] });
      const askedAccess = !(await hadAccess);
      if (!(await granted)) return { ...(await status()), error: 'no-access' };
      return sendToBackground('sendto.connect', { ...setup, askedAccess });
    },
    forget: (kind) => sendToBackground('sendto.forget', { kind }),
    send: (kind, id) => sendToBackground('sendto.send', { kind, id }),
  };
}
