import { expectTypeOf, test } from 'vitest';
import { serve, type Handlers, type Sender } from '../../../src/shared/messaging/messenger';
import { backgroundSenders, type BackgroundApi, type ContentApi } from '../../../src/shared/messaging/protocol';
import type { SenderRoles } from '../../../src/shared/messaging/sender-roles';
import type { SaveResult } from '../../../src/shared/messaging/library-protocol';

test('senders are typed by the receiver’s protocol map', () => {
  const send = null as unknown as Sender<BackgroundApi>;
  expectTypeOf(send<'articles.saveTab'>)
    .parameter(1)
    .toEqualTypeOf<{ tabId: number; force?: boolean }>();
  expectTypeOf(send('articles.saveTab', { tabId: 1 })).resolves.toEqualTypeOf<SaveResult>();
  // @ts-expect-error an unknown message type
  void send('tab.unknown', {});
  // @ts-expect-error a payload of the wrong shape
  void send('articles.saveTab', { tab: 1 });
});

test('a handler object must cover the whole protocol', () => {
  // @ts-expect-error 'reader.extract' is missing
  const partial: Handlers<ContentApi> = { 'content.ping': () => ({ ready: true }) };
  expectTypeOf(partial).toMatchTypeOf<Handlers<ContentApi>>();
});

test('every command names the contexts that may send it', () => {
  // @ts-expect-error 'reader.extract' has no sender role
  const missing: SenderRoles<ContentApi> = { 'content.ping': ['extension'] };
  // @ts-expect-error a command no context may send is a mistake, not a role
  const empty: SenderRoles<ContentApi> = { 'content.ping': ['extension'], 'reader.extract': [] };
  // @ts-expect-error not a context
  const unknown: SenderRoles<ContentApi> = { 'content.ping': ['extension'], 'reader.extract': ['page'] };
  // @ts-expect-error a role for a command the protocol does not have
  const extra: SenderRoles<ContentApi> = { 'content.ping': ['extension'], 'reader.extract': ['extension'], x: [] };
  void [missing, empty, unknown, extra];
  expectTypeOf(backgroundSenders).toEqualTypeOf<SenderRoles<BackgroundApi>>();
  // serve() takes the roles of the protocol it serves, not another's.
  expectTypeOf(serve<ContentApi>)
    .parameter(3)
    .toEqualTypeOf<SenderRoles<ContentApi>>();
});
