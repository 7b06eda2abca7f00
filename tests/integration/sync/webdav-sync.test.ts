/**
 * The sync core against real WebDAV servers on 127.0.0.1 — Apache 2 with mod_dav and
 * `rclone serve webdav` — with faults injected by a proxy in front of them. Every test ends by
 * comparing the full contents of the devices' libraries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WrongPassphraseError } from '../../../src/sync/encryption';
import type { TransportError } from '../../../src/sync/webdav';
import { basicAuth } from '../../../src/sync/webdav';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';
import { article, device, later, save, type Device } from './support/replicas';
import { SERVERS, type WebDavServer } from './support/webdav-servers';

// A few syncs each, through real servers (and Apache's one-second wait on fresh ETags).
vi.setConfig({ testTimeout: 30_000 });

/** Every file under `dir`, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(path.slice(dir.length + 1), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe.each(Object.keys(SERVERS) as (keyof typeof SERVERS)[])('sync through %s', (name) => {
  let server: WebDavServer;
  let folders = 0;
  beforeAll(async () => {
    server = await SERVERS[name]();
  }, 30_000);
  afterAll(async () => server?.stop());

  /** A fresh folder on the server (or through `via`) for each test, and devices syncing with it. */
  function setup(options: { passphrase?: string; via?: FaultProxy } = {}) {
    const folder = `t${++folders}/`;
    const base = options.via?.url ?? server.url;
    const make = (n: string, passphrase = options.passphrase) =>
      device(n, { folderUrl: base + folder, username: server.username, password: server.password, passphrase });
    return { make, dir: join(server.root, folder.slice(0, -1)) };
  }

  async function syncAll(devices: Device[], rounds = 2) {
    for (let r = 0; r < rounds; r++) for (const d of devices) await d.sync();
  }

  it('carries articles with their images to another device, and its changes back', async () => {
    const { make } = setup();
    const chromium = make('chromium');
    const firefox = make('firefox');
    const ids = ['Harbour archive', 'Winter gardens', 'Frost and roses'].map((t) => save(chromium, article(t, 2)));
    await chromium.sync();
    await firefox.sync();
    expect(firefox.library.snapshot()).toBe(chromium.library.snapshot());
    expect(firefox.library.imageCount(ids[0]!)).toBe(2);

    later([chromium, firefox]);
    firefox.library.edit(ids[0]!, { isArchived: true });
    firefox.library.delete(ids[1]!);
    await firefox.sync();
    await chromium.sync();
    expect(chromium.library.article(ids[0]!)?.isArchived).toBe(true);
    expect(chromium.library.has(ids[1]!)).toBe(false);
    expect(chromium.library.snapshot()).toBe(firefox.library.snapshot());
  });

  it('merges edits two devices made to the same article while offline, field by field', async () => {
    const { make } = setup();
    const a = make('laptop');
    const b = make('desk');
    const id = save(a, article('Shared story'));
    await syncAll([a, b], 1);
    later([a, b]);
    a.library.edit(id, { isRead: true, tags: ['news', 'maps'], position: { progress: 0.4 } });
    later([a, b]);
    b.library.edit(id, { isFavorite: true, tags: [], title: 'Renamed story' });
    later([a, b]);
    a.library.edit(id, { position: { progress: 0.9 } });
    await syncAll([b, a, b]);
    const merged = a.library.article(id)!;
    expect(merged).toMatchObject({
      isRead: true,
      isFavorite: true,
      title: 'Renamed story',
      position: { progress: 0.9 },
    });
    // `news` removed on the desk after... it was there on both; `maps` added on the laptop.
    expect(merged.tags).toEqual(['maps']);
    expect(b.library.snapshot()).toBe(a.library.snapshot());
  });

  it('lets a deletion lose to a newer edit made elsewhere, and beat an older one', async () => {
    const { make } = setup();
    const a = make('a');
    const b = make('b');
    const kept = save(a, article('Edited after the deletion'));
    const gone = save(a, article('Deleted after the edit'));
    await syncAll([a, b], 1);
    later([a, b]);
    a.library.delete(kept);
    b.library.edit(gone, { isFavorite: true });
    later([a, b]);
    b.library.edit(kept, { isRead: true });
    a.library.delete(gone);
    await syncAll([a, b]);
    expect(a.library.has(kept)).toBe(true);
    expect(a.library.article(kept)?.isRead).toBe(true);
    expect(a.library.has(gone)).toBe(false);
    expect(b.library.has(gone)).toBe(false);
    expect(b.library.snapshot()).toBe(a.library.snapshot());
  });

  it('makes one request when nothing changed and at most four for one changed article', async () => {
    const { make } = setup();
    const a = make('a');
    const b = make('b');
    const ids = Array.from({ length: 5 }, (_, i) => save(a, article(`Story ${i}`)));
    await syncAll([a, b]);
    a.requests.length = 0;
    await a.sync();
    expect(a.requests).toHaveLength(1);
    // Apache gives a file written within the last second a weak ETag, which `If-Match` cannot
    // match (the sync waits and tries again): a reader's next edit comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    later([a]);
    a.library.edit(ids[2]!, { isRead: true });
    a.requests.length = 0;
    await a.sync();
    expect(a.requests.length).toBeLessThanOrEqual(4);
    b.requests.length = 0;
    await b.sync();
    expect(b.requests.length).toBeLessThanOrEqual(2);
    expect(b.library.article(ids[2]!)?.isRead).toBe(true);
  });

  it('skips corrupt and foreign files on the server with a message and syncs the rest', async () => {
    const { make, dir } = setup();
    const a = make('a');
    const good = save(a, article('Good one'));
    const bad = save(a, article('Spoiled on the server'));
    await a.sync();
    // Another program writes to the folder (through the server: rclone caches what it serves).
    const put = (path: string, body: string) =>
      fetch(new URL(path, a.folderUrl), { method: 'PUT', body, headers: { Authorization: auth } });
    const auth = basicAuth(server.username, server.password);
    await put(`articles/${bad}.json`, '{"format":"tidy-reader.article","version":1,"id":');
    await put('articles/notes.txt', 'someone else’s file');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.articles['../escape'] = { rev: 1, hash: 'x', at: 'y' };
    await put('manifest.json', JSON.stringify(manifest));
    const b = make('b');
    const report = await b.sync();
    expect(b.library.has(good)).toBe(true);
    expect(b.library.has(bad)).toBe(false);
    expect(report.skipped.join('\n')).toMatch(/not JSON/);
    expect(report.skipped.join('\n')).toMatch(/escape/);
    // The device that holds the article puts a good copy back.
    later([a]);
    a.library.edit(bad, { isRead: true });
    await a.sync();
    await b.sync();
    expect(b.library.article(bad)?.isRead).toBe(true);
  });

  it('merges the same address saved on two devices into one entry, the same one on both', async () => {
    const { make } = setup();
    const a = make('a');
    const b = make('b');
    const onA = article('Same page', 1);
    const onB = article('Same page', 1);
    // Saved separately (each device gave it its own id), with different reading state and tags.
    onA.article = { ...onA.article, tags: ['maps'] };
    onB.article = { ...onB.article, tags: ['later'], isRead: true, editedAt: 1_750_000_000_500 };
    const [idA, idB] = [save(a, onA), save(b, onB)];
    // Per field, the later edit wins, whichever entry it was made on (an entry not synced yet
    // stamps its fields when it was last edited: here a's favourite comes after b's save).
    later([a, b]);
    a.library.edit(idA, { isFavorite: true });
    expect(onA.article.content.urlKeys).toEqual(onB.article.content.urlKeys);
    const keep = idA < idB ? idA : idB;
    const gone = keep === idA ? idB : idA;
    await a.sync();
    const report = await b.sync();
    expect(report.merged).toBe(1);
    await syncAll([a, b]);
    for (const d of [a, b]) {
      expect(d.library.has(gone), d.name).toBe(false);
      expect(d.library.article(keep), d.name).toMatchObject({ isRead: false, isFavorite: true });
      // Tags are sets: both entries' tags stay.
      expect(d.library.article(keep)!.tags.sort(), d.name).toEqual(['later', 'maps']);
      expect(d.library.imageCount(keep), d.name).toBe(1);
    }
    expect(b.library.snapshot()).toBe(a.library.snapshot());
    // Settled: the next syncs merge nothing more and change nothing.
    const settled = a.library.snapshot();
    expect((await a.sync()).merged).toBe(0);
    expect((await b.sync()).merged).toBe(0);
    expect(a.library.snapshot()).toBe(settled);
  });

  it.each([
    ['a, b, c', [0, 1, 2]],
    ['c, b, a', [2, 1, 0]],
  ])('merges three copies of one address the same way whichever device syncs first (%s)', async (_, order) => {
    const { make } = setup();
    const devices = [make('a'), make('b'), make('c')];
    const [a, b, c] = devices as [Device, Device, Device];
    const idA = save(a, article('Twice saved', 1));
    const onB = article('Twice saved', 1);
    onB.article = { ...onB.article, tags: ['b-tag'] };
    const idB = save(b, onB);
    const onC = article('Twice saved', 0);
    onC.article = { ...onC.article, isArchived: true };
    const idC = save(c, onC);
    // Each device's first sync finds the copies the ones before it sent, and merges them.
    for (const i of order) await devices[i]!.sync();
    await syncAll(devices);
    const keep = [idA, idB, idC].sort()[0]!;
    for (const d of devices) {
      expect(
        JSON.parse(d.library.snapshot()).map((x: { id: string }) => x.id),
        d.name,
      ).toEqual([keep]);
      // c's copy was saved last (the same instant, c's stamps sort last): its state wins.
      expect(d.library.article(keep), d.name).toMatchObject({ isArchived: true });
      expect(d.library.article(keep)!.tags.sort(), d.name).toEqual(['b-tag', 'news']);
    }
    expect(b.library.snapshot()).toBe(a.library.snapshot());
    expect(c.library.snapshot()).toBe(a.library.snapshot());
  });

  it('carries images downloaded after the save (no new save) to the other device', async () => {
    const { make } = setup();
    const a = make('a');
    const b = make('b');
    const made = article('Pictures later', 3);
    // Saved without access to the images' site: the text only.
    const id = save(a, { ...made, images: new Map() });
    await syncAll([a, b]);
    expect(b.library.imageCount(id)).toBe(0);
    // "Download missing text and images" on device a: stored, not an edit of the article.
    const [first, ...rest] = [...made.images];
    a.library.storeImages(id, new Map([first!]));
    await a.sync();
    await b.sync();
    expect(b.library.imageCount(id)).toBe(1);
    // And the other way round, merged with what the other device stored meanwhile.
    b.library.storeImages(id, new Map(rest.slice(0, 1)));
    a.library.storeImages(id, new Map(rest.slice(1)));
    await syncAll([a, b]);
    expect(a.library.imageCount(id)).toBe(3);
    expect(b.library.imageCount(id)).toBe(3);
    expect(b.library.snapshot()).toBe(a.library.snapshot());
    expect(b.library.article(id)!.editedAt).toBe(a.library.article(id)!.editedAt);
  });

  describe('faults', () => {
    let proxy: FaultProxy;
    beforeAll(async () => {
      proxy = await startFaultProxy(server);
    });
    afterAll(async () => proxy?.close());

    const faults: [string, Fault, TransportError['kind'] | null][] = [
      ['answers 500', { kind: 'status', status: 500, methods: ['PUT'] }, 'http'],
      ['does not answer', { kind: 'hang', methods: ['PUT'] }, 'timeout'],
      ['drops the connection mid-upload', { kind: 'drop-upload' }, 'network'],
      ['is out of space (507)', { kind: 'status', status: 507, methods: ['PUT'] }, 'full'],
      ['answers 412 to every second write', { kind: 'conflict-every-second-write' }, null],
    ];

    it.each(faults)(
      'when the server %s, both libraries converge after it recovers, nothing lost',
      async (_, fault, kind) => {
        const { make } = setup({ via: proxy });
        const a = make('a');
        const b = make('b');
        const first = save(a, article('Before the fault', 2));
        save(b, article('From the other device'));
        await syncAll([a, b]);
        later([a, b]);
        const during = save(a, article('Saved during the fault', 2));
        a.library.edit(first, { isArchived: true, tags: ['kept'] });
        b.library.edit(first, { isFavorite: true });
        const before = a.library.snapshot();

        proxy.fault = fault;
        try {
          if (kind) await expect(a.sync({ timeoutMs: 800 })).rejects.toMatchObject({ kind });
          else await a.sync();
          await b.sync({ timeoutMs: 800 }).catch(() => undefined);
        } finally {
          proxy.fault = null;
        }
        // Nothing saved on the device was lost by the failed sync.
        expect(a.library.snapshot()).toBe(before);
        await syncAll([a, b]);
        expect(b.library.snapshot()).toBe(a.library.snapshot());
        expect(a.library.article(first)).toMatchObject({ isArchived: true, isFavorite: true, tags: ['kept'] });
        expect(b.library.imageCount(during)).toBe(2);
      },
    );
  });

  describe('encrypted', () => {
    it('keeps titles, addresses and text off the server and syncs with the passphrase', async () => {
      const { make, dir } = setup({ passphrase: 'correct horse battery staple' });
      const a = make('a');
      const made = article('Secret harbour plans', 1);
      const id = save(a, made);
      await a.sync();
      const files = filesUnder(dir);
      expect(files.size).toBeGreaterThan(2);
      for (const [path, bytes] of files) {
        const text = bytes.toString('latin1');
        for (const secret of ['Secret harbour', 'news.example', 'body of the story', id, 'img.example']) {
          expect(path.includes(secret) || text.includes(secret), `${path} reveals ${secret}`).toBe(false);
        }
      }
      const b = make('b');
      await b.sync();
      expect(b.library.snapshot()).toBe(a.library.snapshot());
    });

    it('refuses a wrong passphrase clearly and changes nothing', async () => {
      const { make, dir } = setup({ passphrase: 'right one' });
      const a = make('a');
      save(a, article('Private'));
      await a.sync();
      const before = filesUnder(dir);
      const intruder = make('b', 'wrong one');
      save(intruder, article('Should not be written'));
      await expect(intruder.sync()).rejects.toBeInstanceOf(WrongPassphraseError);
      expect(filesUnder(dir)).toEqual(before);
      expect(intruder.library.snapshot()).toMatch(/Should not be written/);
    });
  });
});
