/**
 * Send to Readeck and wallabag end to end, in Chromium and Firefox with the built extension:
 * an article saved with its images is sent from the reader to stand-ins of both servers (they
 * cannot be installed here; tests/integration/sendto/support follows their published APIs request
 * by request), set up in the settings as a reader does. What the servers received is checked:
 * title, address, the sanitised HTML the reader shows, and the images.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startReadeckStandIn,
  startWallabagStandIn,
  type ReadeckBookmark,
  type StandInServer,
  type WallabagEntry,
} from '../integration/sendto/support/stand-in-servers';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { launchExtension, type Harness, type TestPage } from './support/harness';
import { storedImageData, value, type StoredArticle } from './support/library-messages';

const TOKEN = 'readeck-token-7';
const WALLABAG = { clientId: '2_client', clientSecret: 'secret-9', username: 'ann', password: 'pass word ü' };

/** Fills the settings form of one server and presses its button, as a reader does. */
async function connect(
  options: TestPage,
  kind: 'readeck' | 'wallabag',
  fields: Record<string, string>,
): Promise<string> {
  await options.waitFor((k) => document.querySelector(`input[name="send-to-${k}-url"]`), kind);
  await options.evaluate(
    ([k, values]) => {
      for (const [name, v] of Object.entries(values)) {
        const input = document.querySelector<HTMLInputElement>(`input[name="send-to-${k}-${name}"]`)!;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    [kind, fields] as const,
  );
  // A real click (the permission request needs the user's gesture), after the form has rendered
  // what was typed.
  await options.click(`form:has(input[name="send-to-${kind}-url"]) button[type="submit"]`);
  const said = await options.waitFor((k) => {
    const box = document.querySelector(`input[name="send-to-${k}-url"]`)?.closest('fieldset');
    const alert = box?.querySelector('[role="alert"]')?.textContent;
    if (alert) return `error: ${alert}`;
    return box ? null : 'connected';
  }, kind);
  return said ?? '';
}

/** Presses "Send to …" in the reader's toolbar (a real click) and waits for what it says. */
async function send(reader: TestPage, label: string): Promise<string> {
  await reader.waitFor(
    (l) => [...document.querySelectorAll('button.send-to')].some((b) => b.getAttribute('aria-label') === l),
    label,
  );
  const before = await reader.text('[data-testid="send-to-outcome"]');
  await reader.click(`button.send-to[aria-label="${label}"]`);
  return (await reader.waitFor((previous) => {
    const said = document.querySelector('[data-testid="send-to-outcome"]')?.textContent;
    const isBusy = !!document.querySelector('button.send-to[aria-busy="true"]');
    return !isBusy && said && said !== previous ? said : null;
  }, before ?? ''))!;
}

const sha = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');
const dataUrlBytes = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

describe.each(['chromium', 'firefox'] as const)('Send to Readeck and wallabag in %s', (browserName) => {
  let pages: FixtureServer;
  let readeck: StandInServer<ReadeckBookmark>;
  let wallabag: StandInServer<WallabagEntry>;
  let harness: Harness;

  beforeAll(async () => {
    pages = await startFixtureServer();
    readeck = await startReadeckStandIn(TOKEN);
    wallabag = await startWallabagStandIn(WALLABAG);
    harness = await launchExtension(browserName);
  });
  afterAll(async () => {
    await harness?.close();
    await pages?.close().catch(() => undefined);
    await readeck?.close();
    await wallabag?.close();
  });

  it('sends the saved article as the reader shows it, with its images', async () => {
    const options = await harness.openExtensionPage('options.html');
    const saved = await value<{ id: string; title: string; images: { total: number; stored: number } }>(
      options,
      'articles.saveUrl',
      { url: `${pages.origin}/library/relative-images.html` },
    );
    expect(saved.images.stored).toBeGreaterThan(0);
    const stored = await value<StoredArticle & { article: { url: string } }>(options, 'articles.get', { id: saved.id });

    // A wrong token is refused with a message, and nothing is kept.
    expect(await connect(options, 'readeck', { url: readeck.url, token: 'wrong' })).toMatch(/^error: .*token/);
    await options.reload();
    expect(await connect(options, 'readeck', { url: readeck.url, token: TOKEN })).toBe('connected');
    expect(await connect(options, 'wallabag', { url: wallabag.url, ...WALLABAG })).toBe('connected');
    await options.close();

    const reader = await harness.openExtensionPage(`reader.html?id=${encodeURIComponent(saved.id)}`);
    expect(await send(reader, 'Send to Readeck')).toBe('Sent to Readeck');
    expect(await send(reader, 'Send to wallabag')).toBe('Sent to wallabag');
    await reader.close();

    // Readeck: the page and every stored image as resources, nothing for Readeck to fetch.
    expect(readeck.received).toHaveLength(1);
    const [bookmark] = readeck.received;
    expect(bookmark!.url).toBe(stored.article.url);
    expect(bookmark!.title).toBe(saved.title);
    const [page, ...images] = bookmark!.resources;
    expect(page!.location).toBe(stored.article.url);
    const html = page!.body.toString('utf8');
    expect(html).toBe(stored.html);
    expect(html).toContain('The harbour town keeps its archive');
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
    const data = await storedImageData(await harness.openExtensionPage('options.html'), saved.id, stored.storedImages);
    expect(images.map((i) => i.location).sort()).toEqual([...stored.storedImages].sort());
    for (const image of images) {
      expect(sha(image.body), image.location).toBe(sha(dataUrlBytes(data[image.location]!)));
      expect(image.type).toMatch(/^image\//);
    }

    // wallabag: a token by the password grant, then the entry with its content (so it does not fetch).
    expect(wallabag.received).toHaveLength(1);
    const [entry] = wallabag.received;
    expect(entry).toMatchObject({ url: stored.article.url, title: saved.title, content: stored.html, fetched: false });
    for (const url of stored.storedImages) expect(entry!.content).toContain(url.replace(/&/g, '&amp;'));
    expect(wallabag.log.map((l) => l.replace(/\s\d+$/, ''))).toEqual([
      'POST /wallabag/oauth/v2/token', // connecting checks the credentials
      'POST /wallabag/oauth/v2/token',
      'POST /wallabag/api/entries.json',
    ]);
  });
});
