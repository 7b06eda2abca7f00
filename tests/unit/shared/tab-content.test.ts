/**
 * How a reading surface (or the background) reads a tab (src/shared/tab-content.ts): it asks the content script
 * first and injects it only when nothing answers, on a browser made of plain data.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MessagingError } from '../../../src/shared/messaging/messenger';

const fake = vi.hoisted(() => {
  const state = {
    url: 'http://127.0.0.1/story/',
    /** Whether content.js runs in the tab. */
    hasScript: false,
    /** How a send with no listener ends: Chrome rejects it, Firefox resolves it empty. */
    noListener: 'reject' as 'reject' | 'resolve',
    /** What the content script's handler answers. */
    answer: (): unknown => ({ ok: true, value: { title: 'Story' } }),
    sends: 0,
    injections: [] as string[],
  };
  const browser = {
    tabs: {
      get: async (tabId: number) => ({ id: tabId, url: state.url }),
      sendMessage: async (_tabId: number, message: { type: string }) => {
        state.sends += 1;
        if (message.type !== 'reader.extract') throw new Error(`Unexpected ${message.type}`);
        if (state.hasScript) return state.answer();
        if (state.noListener === 'resolve') return undefined;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    scripting: {
      executeScript: async ({ files }: { files: string[] }) => {
        state.injections.push(...files);
        state.hasScript = true;
        return [];
      },
    },
  };
  return { state, browser };
});

vi.mock('../../../src/shared/browser', () => ({ browser: fake.browser }));

const { extractFromTab } = await import('../../../src/shared/tab-content');
const injectAndRun = fake.browser.scripting.executeScript;

beforeEach(() => {
  fake.browser.scripting.executeScript = injectAndRun;
  Object.assign(fake.state, {
    url: 'http://127.0.0.1/story/',
    hasScript: false,
    noListener: 'reject',
    answer: () => ({ ok: true, value: { title: 'Story' } }),
    sends: 0,
    injections: [],
  });
});

describe('reading a tab', () => {
  it('asks the content script already there, with one message and no injection', async () => {
    fake.state.hasScript = true;
    expect(await extractFromTab(7, {})).toEqual({ title: 'Story' });
    expect(fake.state.sends).toBe(1);
    expect(fake.state.injections).toEqual([]);
  });

  it.each(['reject', 'resolve'] as const)(
    'injects the content script once when no listener answers (the send %ss), then asks again',
    async (noListener) => {
      fake.state.noListener = noListener;
      expect(await extractFromTab(7, {})).toEqual({ title: 'Story' });
      expect(fake.state.injections).toEqual(['content.js']);
      expect(fake.state.sends).toBe(2);
    },
  );

  it("passes the content script's own failure on, without injecting again", async () => {
    fake.state.hasScript = true;
    fake.state.answer = () => ({ ok: false, error: { code: 'failed', message: 'The engine broke' } });
    const failure = await extractFromTab(7, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MessagingError);
    expect((failure as MessagingError).message).toBe('The engine broke');
    expect(fake.state.injections).toEqual([]);
  });

  it('refuses a page no extension may script, without trying to inject', async () => {
    fake.state.url = 'chrome://settings/';
    const failure = (await extractFromTab(7, {}).catch((error: unknown) => error)) as MessagingError;
    expect(failure.code).toBe('restricted');
    expect(fake.state.injections).toEqual([]);
  });

  it('fails when even the injected script does not answer', async () => {
    fake.browser.scripting.executeScript = async ({ files }: { files: string[] }) => {
      fake.state.injections.push(...files);
      return [];
    };
    const failure = (await extractFromTab(7, {}).catch((error: unknown) => error)) as MessagingError;
    expect(failure.code).toBe('failed');
    expect(fake.state.injections).toEqual(['content.js']);
  });
});
