import { describe, expect, it } from 'vitest';
import { isOwnTabRequest, senderRoleOf } from '../../../src/shared/messaging/sender-roles';
import { createFakeRuntime } from './fake-runtime';

describe('senderRoleOf', () => {
  const { runtime, senders } = createFakeRuntime('ours');

  it('knows the extension’s pages and background, in a tab or not', () => {
    expect(senderRoleOf(senders.extensionPage, runtime)).toBe('extension');
    expect(senderRoleOf(senders.background, runtime)).toBe('extension');
    expect(senderRoleOf(senders.readerTab, runtime)).toBe('extension');
    expect(senderRoleOf(senders.readerTabWithoutUrl, runtime)).toBe('extension');
  });

  it('knows a script in a web page by its tab and address', () => {
    expect(senderRoleOf(senders.contentScript, runtime)).toBe('content');
    // In a frame of the page (the tab's address is the top page's).
    expect(senderRoleOf({ ...senders.contentScript, frameId: 5, url: 'https://ads.example/frame' }, runtime)).toBe(
      'content',
    );
  });

  it('knows the offscreen document by its page, whatever follows the path', () => {
    expect(senderRoleOf(senders.offscreen, runtime)).toBe('offscreen');
    expect(senderRoleOf({ ...senders.offscreen, url: `${senders.offscreen.url}#x` }, runtime)).toBe('offscreen');
    // Not a page whose name merely starts the same way.
    expect(senderRoleOf({ ...senders.offscreen, url: 'chrome-extension://ours/offscreen.html.bak' }, runtime)).toBe(
      'extension',
    );
  });

  it('trusts nobody else', () => {
    expect(senderRoleOf(senders.otherExtension, runtime)).toBeNull();
    // Another extension's content script in a page.
    expect(senderRoleOf({ ...senders.contentScript, id: 'someone-else' }, runtime)).toBeNull();
    // Our page framed in a web page is that web page's.
    expect(senderRoleOf(senders.framedInWebPage, runtime)).toBeNull();
    // A page of another extension's origin in one of our tabs.
    expect(senderRoleOf({ ...senders.extensionPage, url: 'chrome-extension://oursx/popup.html' }, runtime)).toBeNull();
    // No address, no tab: nothing to go by.
    expect(senderRoleOf({ id: 'ours' }, runtime)).toBeNull();
    expect(senderRoleOf({ id: 'ours', tab: { id: 1 } }, runtime)).toBeNull();
  });
});

describe('isOwnTabRequest', () => {
  const sender = { tab: { id: 4 } };
  it('accepts a request that names no tab or the sender’s', () => {
    expect(isOwnTabRequest({}, sender)).toBe(true);
    expect(isOwnTabRequest(undefined, sender)).toBe(true);
    expect(isOwnTabRequest({ tabId: 4 }, sender)).toBe(true);
  });
  it('refuses any other tab, however it is written', () => {
    expect(isOwnTabRequest({ tabId: 5 }, sender)).toBe(false);
    expect(isOwnTabRequest({ tabId: '4' }, sender)).toBe(false);
    expect(isOwnTabRequest({ tabId: undefined }, sender)).toBe(false);
    expect(isOwnTabRequest({ tabId: 4 }, {})).toBe(false);
  });
});
