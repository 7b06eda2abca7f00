/**
 * A reading surface reads its tab itself (src/ui/api/runtime-tab-reading.ts): it injects the
 * content script and asks it, and never goes through the background, whose service worker may be
 * asleep since the last click and would have to start first.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = { hasScript: false, injected: [] as string[], backgroundMessages: 0, tabMessages: 0 };
  const browser = {
    runtime: {
      sendMessage: async () => {
        state.backgroundMessages += 1;
        return { ok: true, value: { isArticle: true, title: 'From the background' } };
      },
    },
    tabs: {
      get: async (tabId: number) => ({ id: tabId, url: 'https://news.example/story' }),
      query: async () => [{ id: 7 }],
      sendMessage: async (_tabId: number, message: { to: string; type: string }) => {
        state.tabMessages += 1;
        if (message.to !== 'content' || message.type !== 'reader.extract') throw new Error('unexpected');
        if (!state.hasScript) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: { isArticle: true, title: 'From the tab' } };
      },
    },
    scripting: {
      executeScript: async ({ files }: { files: string[] }) => {
        state.injected.push(...files);
        state.hasScript = true;
        return [];
      },
    },
  };
  return { state, browser };
});

vi.mock('../../../src/shared/browser', () => ({ browser: fake.browser }));

const { runtimeExtractTab } = await import('../../../src/ui/api/runtime-tab-reading');

describe('reading a tab from an extension page', () => {
  beforeEach(() => {
    Object.assign(fake.state, { hasScript: false, injected: [], backgroundMessages: 0, tabMessages: 0 });
  });

  it('injects the content script into a fresh tab and asks it, with no message to the background', async () => {
    const article = await runtimeExtractTab(7);
    expect(article.title).toBe('From the tab');
    expect(fake.state.injected).toEqual(['content.js']);
    expect(fake.state.backgroundMessages).toBe(0);
  });

  it('asks a tab read before without injecting again', async () => {
    fake.state.hasScript = true;
    const article = await runtimeExtractTab(7, { force: true });
    expect(article.title).toBe('From the tab');
    expect(fake.state.injected).toEqual([]);
    expect(fake.state.tabMessages).toBe(1);
    expect(fake.state.backgroundMessages).toBe(0);
  });
});
