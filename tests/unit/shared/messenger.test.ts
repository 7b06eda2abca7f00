import { describe, expect, it } from 'vitest';
import {
  createEnvelope,
  MessagingError,
  serve,
  unwrapReply,
  type Handlers,
} from '../../../src/shared/messaging/messenger';
import type { SenderRoles } from '../../../src/shared/messaging/sender-roles';
import { createFakeRuntime } from './fake-runtime';

interface TestApi {
  'math.double': (req: { n: number }) => number;
  'math.fail': (req: Record<string, never>) => never;
  'math.slow': (req: { n: number }) => number;
}

const anyOfOurs: SenderRoles<TestApi> = {
  'math.double': ['extension', 'content', 'offscreen'],
  'math.fail': ['extension'],
  'math.slow': ['extension'],
};

const handlers: Handlers<TestApi> = {
  'math.double': ({ n }) => n * 2,
  'math.fail': () => {
    throw new MessagingError('restricted', 'Not here');
  },
  'math.slow': async ({ n }) => {
    await new Promise((r) => setTimeout(r, 5));
    return n + 1;
  },
};

describe('serve', () => {
  it('answers its own messages through sendResponse, sync and async handlers alike', async () => {
    const { runtime, deliver } = createFakeRuntime();
    serve<TestApi>(runtime, 'background', handlers, anyOfOurs);
    expect(await deliver(createEnvelope('background', 'math.double', { n: 21 }))).toEqual({ ok: true, value: 42 });
    expect(await deliver(createEnvelope('background', 'math.slow', { n: 1 }))).toEqual({ ok: true, value: 2 });
  });

  it('turns thrown errors into coded replies that unwrap to MessagingError', async () => {
    const { runtime, deliver } = createFakeRuntime();
    serve<TestApi>(runtime, 'background', handlers, anyOfOurs);
    const reply = await deliver(createEnvelope('background', 'math.fail', {}));
    expect(reply).toEqual({ ok: false, error: { code: 'restricted', message: 'Not here' } });
    expect(() => unwrapReply(reply)).toThrow(MessagingError);
  });

  it('leaves messages for other receivers and foreign messages unanswered', async () => {
    const { runtime, deliver } = createFakeRuntime();
    serve<TestApi>(runtime, 'background', handlers, anyOfOurs);
    expect(await deliver(createEnvelope('content', 'math.double', { n: 1 }))).toBeUndefined();
    expect(await deliver({ type: 'math.double', n: 1 })).toBeUndefined();
    expect(await deliver('hello')).toBeUndefined();
  });

  it('refuses untrusted senders and unknown types', async () => {
    const { runtime, deliver } = createFakeRuntime('me');
    serve<TestApi>(runtime, 'background', handlers, anyOfOurs);
    expect(await deliver(createEnvelope('background', 'math.double', { n: 1 }), { id: 'someone-else' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await deliver(createEnvelope('background', 'toString', {}))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown message type: toString' },
    });
  });

  it('refuses a command from a context not allowed to send it, before its handler runs', async () => {
    const { runtime, deliver, senders } = createFakeRuntime();
    let ran = 0;
    const counted: Handlers<TestApi> = { ...handlers, 'math.slow': ({ n }) => (ran++, n) };
    serve<TestApi>(runtime, 'background', counted, anyOfOurs);
    const slow = createEnvelope('background', 'math.slow', { n: 1 });
    for (const sender of [senders.contentScript, senders.offscreen, senders.framedInWebPage, senders.otherExtension]) {
      expect(await deliver(slow, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(ran).toBe(0);
    expect(await deliver(slow, senders.readerTab)).toEqual({ ok: true, value: 1 });
    expect(await deliver(createEnvelope('background', 'math.double', { n: 2 }), senders.contentScript)).toEqual({
      ok: true,
      value: 4,
    });
  });

  it('lets a content script name no tab but its own', async () => {
    interface TabApi {
      'tab.poke': (req: { tabId?: number }) => string;
    }
    const { runtime, deliver, senders } = createFakeRuntime();
    serve<TabApi>(runtime, 'background', { 'tab.poke': () => 'poked' }, { 'tab.poke': ['extension', 'content'] });
    const own = senders.contentScript.tab.id;
    const poke = (req: object) => createEnvelope('background', 'tab.poke', req);
    expect(await deliver(poke({ tabId: own }), senders.contentScript)).toEqual({ ok: true, value: 'poked' });
    expect(await deliver(poke({}), senders.contentScript)).toEqual({ ok: true, value: 'poked' });
    for (const tabId of [own + 1, String(own), null]) {
      expect(await deliver(poke({ tabId }), senders.contentScript)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'A page may only ask about its own tab' },
      });
    }
    // The extension's pages act on any tab the user points them at.
    expect(await deliver(poke({ tabId: own + 1 }), senders.extensionPage)).toEqual({ ok: true, value: 'poked' });
  });

  it('stops serving when asked', async () => {
    const { runtime, deliver, listenerCount } = createFakeRuntime();
    const stop = serve<TestApi>(runtime, 'background', handlers, anyOfOurs);
    stop();
    expect(listenerCount()).toBe(0);
    expect(await deliver(createEnvelope('background', 'math.double', { n: 1 }))).toBeUndefined();
  });
});

describe('unwrapReply', () => {
  it('rejects a missing answer clearly', () => {
    expect(() => unwrapReply(undefined)).toThrow('No answer from the receiver');
  });
});
