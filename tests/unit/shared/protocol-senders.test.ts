/**
 * Every command of every receiver, sent from every kind of context: the one listener lets through
 * exactly the contexts its protocol's sender map names, and refuses the others before any handler
 * runs.
 */
import { describe, expect, it } from 'vitest';
import { createEnvelope, serve, type Handlers, type MessageSender } from '../../../src/shared/messaging/messenger';
import {
  backgroundSenders,
  clutterPageSenders,
  contentSenders,
  offscreenSenders,
  type Receiver,
} from '../../../src/shared/messaging/protocol';
import type { SenderRole, SenderRoles } from '../../../src/shared/messaging/sender-roles';
import { createFakeRuntime, sendersOf } from './fake-runtime';

const RECEIVERS: [Receiver, SenderRoles<object>][] = [
  ['background', backgroundSenders],
  ['content', contentSenders],
  ['clutter', clutterPageSenders],
  ['offscreen', offscreenSenders],
];

const CONTEXTS = Object.entries(sendersOf('tidy-reader-test')).map(([name, sender]): [string, MessageSender] => [
  name,
  sender,
]);

/** The role each fake sender has, as the classification unit test establishes it. */
const ROLE_OF: Record<keyof ReturnType<typeof sendersOf>, SenderRole | null> = {
  extensionPage: 'extension',
  background: 'extension',
  readerTab: 'extension',
  readerTabWithoutUrl: 'extension',
  offscreen: 'offscreen',
  contentScript: 'content',
  framedInWebPage: null,
  otherExtension: null,
};

function commandsFrom(role: SenderRole): string[] {
  return RECEIVERS.flatMap(([receiver, senders]) =>
    Object.entries(senders)
      .filter(([, roles]) => (roles as readonly SenderRole[]).includes(role))
      .map(([type]) => `${receiver}:${type}`),
  ).sort();
}

describe('who may send what', () => {
  it('lets a script in a web page send only what concerns its own tab', () => {
    expect(commandsFrom('content')).toEqual([
      'background:alwaysReader.pageLoaded',
      'background:clutter.addPicked',
      'background:clutter.attach',
      'background:clutter.listStyles',
    ]);
  });

  it('lets the offscreen document, which parses untrusted pages, send nothing', () => {
    expect(commandsFrom('offscreen')).toEqual([]);
  });

  describe.each(RECEIVERS)('to the %s', (receiver, senders) => {
    const types = Object.keys(senders);

    it.each(types)('%s: allowed contexts pass, every other is refused as forbidden', async (type) => {
      const { runtime, deliver } = createFakeRuntime();
      const handled: string[] = [];
      const handlers = Object.fromEntries(
        types.map((t) => [t, (_req: unknown, sender: MessageSender) => void handled.push(`${t} ${sender.url}`)]),
      ) as Handlers<object>;
      serve(runtime, receiver, handlers, senders);
      const allowed = senders[type as keyof typeof senders] as readonly SenderRole[];
      for (const [name, sender] of CONTEXTS) {
        const role = ROLE_OF[name as keyof typeof ROLE_OF];
        const reply = await deliver(createEnvelope(receiver, type, {}), sender);
        if (role !== null && allowed.includes(role)) {
          expect(reply, `${type} from ${name}`).toEqual({ ok: true, value: undefined });
        } else {
          expect(reply, `${type} from ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }
      const passing = CONTEXTS.filter(([name]) => {
        const role = ROLE_OF[name as keyof typeof ROLE_OF];
        return role !== null && allowed.includes(role);
      });
      expect(handled).toEqual(passing.map(([, sender]) => `${type} ${sender.url}`));
    });
  });

  it.each([
    'articles.delete',
    'articles.export',
    'articles.saveUrl',
    'articles.saveTab',
    'articles.get',
    'articles.list',
    'transfer.read',
    'clutter.setDefaults',
    'clutter.updateSite',
    'clutter.open',
    'clutter.setGroup',
    'clutter.startPicker',
    'alwaysReader.save',
  ])('refuses %s from a web page’s script even when it names its own tab', async (type) => {
    const { runtime, deliver, senders } = createFakeRuntime();
    const handlers = Object.fromEntries(Object.keys(backgroundSenders).map((t) => [t, () => 'ran']));
    serve<object>(runtime, 'background', handlers, backgroundSenders);
    const reply = await deliver(
      createEnvelope('background', type, {
        tabId: senders.contentScript.tab.id,
        ids: ['a1'],
        url: 'https://x.example/',
      }),
      senders.contentScript,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
