/**
 * Send to Readeck / wallabag as the background runs it: the servers' settings in storage.local
 * (never the browser's own sync, never logged, sent only to their server), and sending a saved
 * article from the library — the sanitised HTML the reader sees, with its stored images.
 */
import { browser } from '../../shared/browser';
import type { SendToErrorCode, SendToKind, SendToResult, SendToSetup, SendToStatus } from '../../shared/sendto-types';
import { checkReadeck, sendToReadeck, type ReadeckAccount } from '../../sendto/readeck';
import { SendError, type OutgoingArticle } from '../../sendto/types';
import { serverBase } from '../../shared/server-base';
import { sendToWallabag, wallabagToken, type WallabagAccount } from '../../sendto/wallabag';
import type { LibraryRuntime } from '../library/library-runtime';
import { accessPatternOf, registerServerAccessUser, releaseServerAccess } from '../servers/server-access';

const SETTINGS_KEY = 'sendto.servers';

type Stored =
  | ({ kind: 'readeck'; accessPattern: string | null } & ReadeckAccount)
  | ({ kind: 'wallabag'; accessPattern: string | null } & WallabagAccount);

type Settings = Partial<Record<SendToKind, Stored>>;

async function readSettings(): Promise<Settings> {
  const value = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return typeof value === 'object' && value !== null ? (value as Settings) : {};
}

async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Each server set up needs its site's access, whoever asked for it (server-access.ts). */
registerServerAccessUser(async () =>
  Object.values(await readSettings()).map((s) => (s ? accessPatternOf(s.baseUrl) : null)),
);

function codeOf(error: unknown): SendToErrorCode {
  return error instanceof SendError ? error.kind : 'failed';
}

export interface SendToServiceDeps {
  library: () => Promise<LibraryRuntime>;
  fetchImpl?: typeof fetch;
}

export function createSendToService(deps: SendToServiceDeps) {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function status(error: SendToErrorCode | null = null): Promise<SendToStatus> {
    const settings = await readSettings();
    const servers = Object.values(settings).flatMap((s) => (s ? [{ kind: s.kind, url: s.baseUrl }] : []));
    return { servers, error };
  }

  /** The library's copy of a saved article, as the reader shows it. */
  async function outgoing(id: string): Promise<OutgoingArticle | null> {
    const { repo } = (await deps.library()).service;
    const record = await repo.get(id);
    const content = record ? await repo.getContent(id) : undefined;
    if (!record || !content) return null;
    const used = new Set(content.imageUrls);
    const images = await Promise.all(
      (await repo.listImages(id))
        .filter((i) => used.has(i.url))
        .map(async (i) => ({ url: i.url, type: i.blob.type, bytes: new Uint8Array(await i.blob.arrayBuffer()) })),
    );
    return { url: record.url, title: record.title, html: content.html, images, tags: record.tags };
  }

  return {
    status: () => status(),

    async connect(setup: SendToSetup): Promise<SendToStatus> {
      const baseUrl = serverBase(String(setup.url ?? ''));
      if (!baseUrl || (setup.kind !== 'readeck' && setup.kind !== 'wallabag')) return status('bad-address');
      const pattern = accessPatternOf(baseUrl);
      if (!(await browser.permissions.contains({ origins: [pattern] }))) return status('no-access');
      const settings = await readSettings();
      const previous = settings[setup.kind];
      // Kept when the same site's access was asked for by the setup before (reconnecting).
      const accessPattern = setup.askedAccess
        ? pattern
        : previous && accessPatternOf(previous.baseUrl) === pattern
          ? previous.accessPattern
          : null;
      let stored: Stored;
      try {
        if (setup.kind === 'readeck') {
          const account: ReadeckAccount = { baseUrl, token: String(setup.token ?? '').trim() };
          await checkReadeck(account, fetchImpl);
          stored = { kind: 'readeck', accessPattern, ...account };
        } else {
          const account: WallabagAccount = {
            baseUrl,
            clientId: String(setup.clientId ?? '').trim(),
            clientSecret: String(setup.clientSecret ?? '').trim(),
            username: String(setup.username ?? '').trim(),
            password: String(setup.password ?? ''),
          };
          await wallabagToken(account, fetchImpl);
          stored = { kind: 'wallabag', accessPattern, ...account };
        }
      } catch (error) {
        return status(codeOf(error));
      }
      await writeSettings({ ...settings, [setup.kind]: stored });
      // Another server of this kind on another site was set up before: its access goes back.
      if (previous?.accessPattern && previous.accessPattern !== pattern)
        await releaseServerAccess(previous.accessPattern);
      return status();
    },

    async forget(kind: SendToKind): Promise<SendToStatus> {
      const settings = await readSettings();
      const previous = settings[kind];
      delete settings[kind];
      await writeSettings(settings);
      await releaseServerAccess(previous?.accessPattern ?? null);
      return status();
    },

    async send(kind: SendToKind, id: string): Promise<SendToResult> {
      const server = (await readSettings())[kind];
      const article = server ? await outgoing(String(id)) : null;
      if (!server || !article) return { error: 'not-found' };
      try {
        if (server.kind === 'readeck') await sendToReadeck(server, article, fetchImpl);
        else await sendToWallabag(server, article, fetchImpl);
        return { error: null };
      } catch (error) {
        // Said by its code; the message (no credentials in it) for the reader who looks.
        console.warn(`Tidy Reader could not send to ${kind}: ${error instanceof Error ? error.message : ''}`);
        return { error: codeOf(error) };
      }
    },
  };
}

export type SendToService = ReturnType<typeof createSendToService>;
