import { expectTypeOf, test } from 'vitest';
import type { Handlers, Sender } from '../../../src/shared/messaging/messenger';
import type { BackgroundApi, ContentApi } from '../../../src/shared/messaging/protocol';
import type { ExtractResult } from '../../../src/extract/types';

test('senders are typed by the receiver’s protocol map', () => {
  const send = null as unknown as Sender<BackgroundApi>;
  expectTypeOf(send<'tab.extract'>)
    .parameter(1)
    .toEqualTypeOf<{ tabId: number; force?: boolean }>();
  expectTypeOf(send('tab.extract', { tabId: 1 })).resolves.toEqualTypeOf<ExtractResult>();
  // @ts-expect-error an unknown message type
  void send('tab.unknown', {});
  // @ts-expect-error a payload of the wrong shape
  void send('tab.extract', { tab: 1 });
});

test('a handler object must cover the whole protocol', () => {
  // @ts-expect-error 'reader.extract' is missing
  const partial: Handlers<ContentApi> = { 'content.ping': () => ({ ready: true }) };
  expectTypeOf(partial).toMatchTypeOf<Handlers<ContentApi>>();
});
