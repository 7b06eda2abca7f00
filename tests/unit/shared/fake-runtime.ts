import type { MessageSender, RuntimePort } from '../../../src/shared/messaging/messenger';

type Listener = Parameters<RuntimePort['onMessage']['addListener']>[0];

/** The senders each kind of context is, as the browser describes them. */
export function sendersOf(id: string) {
  const root = `chrome-extension://${id}/`;
  return {
    /** The popup, side panel, library or settings page: no tab. */
    extensionPage: { id, url: `${root}popup.html?tabId=7` },
    /** Chrome's service worker (or Firefox's background page) sending to a tab. */
    background: { id, url: `${root}background.js` },
    /** The reader opened in a tab of its own. */
    readerTab: { id, url: `${root}reader.html?id=a1`, frameId: 0, tab: { id: 9, url: `${root}reader.html?id=a1` } },
    /** The same, where the browser leaves the tab's address out (no "tabs" permission). */
    readerTabWithoutUrl: { id, url: `${root}reader.html?id=a1`, frameId: 0, tab: { id: 9 } },
    offscreen: { id, url: `${root}offscreen.html` },
    /** clutter.js or content.js in a web page. */
    contentScript: {
      id,
      url: 'https://news.example/story',
      frameId: 0,
      tab: { id: 42, url: 'https://news.example/story' },
    },
    /** One of our pages framed inside a web page: not an extension page. */
    framedInWebPage: { id, url: `${root}library.html`, frameId: 3, tab: { id: 42, url: 'https://news.example/story' } },
    otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' },
  } satisfies Record<string, MessageSender>;
}

/** An in-memory `runtime`: delivers a message to every listener, as the browser does. */
export function createFakeRuntime(id = 'tidy-reader-test') {
  const listeners = new Set<Listener>();
  const runtime: RuntimePort = {
    id,
    getURL: (path) => `chrome-extension://${id}/${path.replace(/^\//, '')}`,
    onMessage: {
      addListener: (l) => void listeners.add(l),
      removeListener: (l) => void listeners.delete(l),
    },
  };
  const senders = sendersOf(id);
  /** Resolves with the first answer, or undefined when no listener keeps the channel open. */
  function deliver(message: unknown, sender: MessageSender = senders.extensionPage): Promise<unknown> {
    return new Promise((resolve) => {
      let answering = false;
      for (const listener of listeners) {
        if (listener(message, sender, resolve) === true) answering = true;
      }
      if (!answering) resolve(undefined);
    });
  }
  return { runtime, deliver, senders, listenerCount: () => listeners.size };
}
