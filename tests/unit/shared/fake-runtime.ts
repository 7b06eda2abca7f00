import type { MessageSender, RuntimePort } from '../../../src/shared/messaging/messenger';

type Listener = Parameters<RuntimePort['onMessage']['addListener']>[0];

/** An in-memory `runtime`: delivers a message to every listener, as the browser does. */
export function createFakeRuntime(id = 'tidy-reader-test') {
  const listeners = new Set<Listener>();
  const runtime: RuntimePort = {
    id,
    onMessage: {
      addListener: (l) => void listeners.add(l),
      removeListener: (l) => void listeners.delete(l),
    },
  };
  /** Resolves with the first answer, or undefined when no listener keeps the channel open. */
  function deliver(message: unknown, sender: MessageSender = { id }): Promise<unknown> {
    return new Promise((resolve) => {
      let answering = false;
      for (const listener of listeners) {
        if (listener(message, sender, resolve) === true) answering = true;
      }
      if (!answering) resolve(undefined);
    });
  }
  return { runtime, deliver, listenerCount: () => listeners.size };
}
