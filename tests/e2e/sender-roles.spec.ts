/**
 * A script of ours in a web page (clutter.js is one, registered on always-on sites) speaks with the
 * extension's id: the background must still refuse it everything but what concerns its own tab. The
 * messages are sent from the extension's content-script world of a real page, the world clutter.js
 * runs in, injected with `scripting.executeScript` as the background injects its scripts.
 */
import { describe, expect, it } from 'vitest';
import { backgroundSenders } from '../../src/shared/messaging/protocol';
import type { SenderRole } from '../../src/shared/messaging/sender-roles';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { value, type Reply } from './support/library-messages';

interface Sent {
  type: string;
  req: unknown;
}

/** Sends each message to the background from the content-script world of tab `tabId`. */
function sendFromPageScript(extensionPage: TestPage, tabId: number, messages: Sent[]): Promise<Reply<unknown>[]> {
  return extensionPage.evaluate(
    async ({ tabId, messages }) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId },
        args: [messages],
        func: (list: { type: string; req: unknown }[]) =>
          Promise.all(
            list.map(({ type, req }) =>
              chrome.runtime.sendMessage({ channel: 'tidy-reader', to: 'background', type, req }),
            ),
          ),
      });
      return frame?.result as Reply<unknown>[];
    },
    { tabId, messages },
  );
}

const PAGE_SCRIPT_ONLY = Object.entries(backgroundSenders)
  .filter(([, roles]) => !(roles as readonly SenderRole[]).includes('content'))
  .map(([type]) => type);

describe.each(BROWSERS)('sender roles in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('refuses a web page’s script everything but what concerns its own tab', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const settings = await suite.harness.openExtensionPage('options.html');
    // An extension page may save the tab's article (the popup's Save button does this).
    const saved = await value<{ id: string }>(settings, 'articles.saveTab', { tabId });

    const [deletion] = await sendFromPageScript(settings, tabId, [
      { type: 'articles.delete', req: { ids: [saved.id] } },
    ]);
    expect(deletion).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'articles.delete may not be sent from a content context' },
    });
    expect(await value<{ article: { id: string } }>(settings, 'articles.get', { id: saved.id })).toMatchObject({
      article: { id: saved.id },
    });

    // Every other command the page's script may not send, each naming the script's own tab.
    expect(PAGE_SCRIPT_ONLY).toEqual(
      expect.arrayContaining(['articles.export', 'articles.saveUrl', 'clutter.setDefaults', 'articles.saveTab']),
    );
    const replies = await sendFromPageScript(
      settings,
      tabId,
      PAGE_SCRIPT_ONLY.map((type) => ({
        type,
        req: { tabId, ids: [saved.id], url: suite.server.pageUrl('forum-thread') },
      })),
    );
    const answered = Object.fromEntries(PAGE_SCRIPT_ONLY.map((type, i) => [type, replies[i]?.error?.code ?? 'ok']));
    expect(answered).toEqual(Object.fromEntries(PAGE_SCRIPT_ONLY.map((type) => [type, 'forbidden'])));
    expect((await value<{ total: number }>(settings, 'articles.list', {})).total).toBe(1);
    // articles.saveUrl fetches with the user's cookies: refused, the address was never fetched.
    expect(suite.server.requests).not.toContain('/forum-thread/');

    // What clutter.js itself asks on every always-on page still gets its answer (not always-on: null).
    const [attached] = await sendFromPageScript(settings, tabId, [{ type: 'clutter.attach', req: {} }]);
    expect(attached).toEqual({ ok: true, value: null });

    await settings.close();
    await article.close();
  });
});
