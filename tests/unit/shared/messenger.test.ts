import { describe, expect, it } from 'vitest';
import {
  createEnvelope,
  MessagingError,
  serve,
  unwrapReply,
  type Handlers,
} from '../../../src/shared/messaging/messenger';
import { createFakeRuntime } from './fake-runtime';

interface TestApi {
  'math.double': (req: { n: number }) => number;
  'math.fail': (req: Record<string, never>) => never;
  'math.slow': (req: { n: number }) => number;
}

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
    serve<TestApi>(runtime, 'background', handlers, () => true);
    expect(await deliver(createEnvelope('background', 'math.double', { n: 21 }))).toEqual({ ok: true, value: 42 });
    expect(await deliver(createEnvelope('background', 'math.slow', { n: 1 }))).toEqual({ ok: true, value: 2 });
  });

  it('turns thrown errors into coded replies that unwrap to MessagingError', async () => {
    const { runtime, deliver } = createFakeRuntime();
    serve<TestApi>(runtime, 'background', handlers, () => true);
    const reply = await deliver(createEnvelope('background', 'math.fail', {}));
    expect(reply).toEqual({ ok: false, error: { code: 'restricted', message: 'Not here' } });
    expect(() => unwrapReply(reply)).toThrow(MessagingError);
  });

  it('leaves messages for other receivers and foreign messages unanswered', async () => {
    const { runtime, deliver } = createFakeRuntime();
    serve<TestApi>(runtime, 'background', handlers, () => true);
    expect(await deliver(createEnvelope('content', 'math.double', { n: 1 }))).toBeUndefined();
    expect(await deliver({ type: 'math.double', n: 1 })).toBeUndefined();
    expect(await deliver('hello')).toBeUndefined();
  });

  it('refuses untrusted senders and unknown types', async () => {
    const { runtime, deliver } = createFakeRuntime('me');
    serve<TestApi>(runtime, 'background', handlers, (sender) => sender.id === 'me');
    expect(await deliver(createEnvelope('background', 'math.double', { n: 1 }), { id: 'someone-else' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await deliver(createEnvelope('background', 'toString', {}))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown message type: toString' },
    });
  });

  it('stops serving when asked', async () => {
    const { runtime, deliver, listenerCount } = createFakeRuntime();
    const stop = serve<TestApi>(runtime, 'background', handlers, () => true);
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
