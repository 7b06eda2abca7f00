/** The `sendto.*` entries of the background protocol. */
import type { Handlers } from '../../shared/messaging/messenger';
import type { SendToBackgroundApi } from '../../shared/messaging/sendto-protocol';
import type { SendToService } from './sendto-service';

export function createSendToHandlers(ready: Promise<void>, sendTo: SendToService): Handlers<SendToBackgroundApi> {
  return {
    'sendto.status': async () => {
      await ready;
      return sendTo.status();
    },
    'sendto.connect': async (setup) => {
      await ready;
      return sendTo.connect({ ...setup, askedAccess: setup.askedAccess === true });
    },
    'sendto.forget': async ({ kind }) => {
      await ready;
      return sendTo.forget(kind);
    },
    'sendto.send': async ({ kind, id }) => {
      await ready;
      return sendTo.send(kind, id);
    },
  };
}
