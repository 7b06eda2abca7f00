/**
 * Images of purged articles leave the server: once a deleted article's tombstone is purged, the
 * images no manifest entry's file lists any more are deleted, when they are a day old on the
 * server's clock — and never an image another article still uses. Against Apache (mod_dav), whose
 * files' times the test can age on disk.
 */
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TOMBSTONE_RETENTION_MS } from '../../../src/sync/manifest';
import { article, device, later, save } from './support/replicas';
import { startApache, type WebDavServer } from './support/webdav-servers';

vi.setConfig({ testTimeout: 30_000 });

let server: WebDavServer;
beforeAll(async () => {
  server = await startApache();
}, 30_000);
afterAll(async () => server?.stop());

const DAY = 24 * 60 * 60 * 1000;

/** Makes every image in the folder look `ms` old to the server. */
function age(dir: string, ms: number): void {
  const when = new Date(Date.now() - ms);
  for (const name of readdirSync(join(dir, 'blobs'))) utimesSync(join(dir, 'blobs', name), when, when);
}

const blobsIn = (dir: string) => readdirSync(join(dir, 'blobs')).sort();

describe.each([null, 'a long passphrase'])('collecting unused images (passphrase: %s)', (passphrase) => {
  let n = 0;
  it('deletes the images only purged articles used, a day after, and keeps shared ones', async () => {
    const folder = `gc${++n}${passphrase ? 'e' : ''}/`;
    const dir = join(server.root, folder.slice(0, -1));
    const make = (name: string) =>
      device(name, {
        folderUrl: server.url + folder,
        username: server.username,
        password: server.password,
        passphrase,
      });
    const a = make('a');
    const b = make('b');
    const doomed = article('Deleted story', 2);
    const kept = article('Kept story', 1);
    // The kept story shows the same picture as the first of the deleted one's (the same bytes).
    const [shared] = [...doomed.images.values()];
    const keptUrl = [...kept.images.keys()][0]!;
    kept.images = new Map([[keptUrl, shared!]]);
    const doomedId = save(a, doomed);
    const keptId = save(a, kept);
    await a.sync();
    await b.sync();
    expect(blobsIn(dir)).toHaveLength(2);

    later([a, b]);
    a.library.delete(doomedId);
    await a.sync();
    await b.sync();
    // A tombstone keeps its images: a device offline may still restore the article.
    expect(blobsIn(dir)).toHaveLength(2);

    // Past the tombstone's time: the sync that purges it looks for unused images. The unused one
    // was written just now by the server's clock (it could be in use by a write under way): kept.
    later([a, b], TOMBSTONE_RETENTION_MS + 1000);
    const purging = await a.sync();
    expect(purging.purged).toBe(1);
    expect(purging.blobsDeleted).toBe(0);
    expect(blobsIn(dir)).toHaveLength(2);

    // A day later (on the server's clock and the device's), it goes; the shared one stays.
    age(dir, 2 * DAY);
    later([a, b], DAY + 1000);
    const collecting = await a.sync();
    expect(collecting.blobsDeleted).toBe(1);
    expect(blobsIn(dir)).toHaveLength(1);
    // Done: the next sync does not look again (an idle sync stays one request).
    a.requests.length = 0;
    await a.sync();
    expect(a.requests).toHaveLength(1);

    // A new device gets the kept story with its picture; b is unaffected.
    await b.sync();
    const c = make('c');
    await c.sync();
    expect(c.library.has(doomedId)).toBe(false);
    expect(c.library.imageCount(keptId)).toBe(1);
    expect(c.library.snapshot()).toBe(a.library.snapshot());
    expect(b.library.snapshot()).toBe(a.library.snapshot());
  });

  it('leaves another program’s files in the images folder alone', async () => {
    const folder = `gc-foreign${++n}${passphrase ? 'e' : ''}/`;
    const dir = join(server.root, folder.slice(0, -1));
    const a = device('a', {
      folderUrl: server.url + folder,
      username: server.username,
      password: server.password,
      passphrase,
    });
    const id = save(a, article('Short-lived', 1));
    await a.sync();
    const auth = { Authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` };
    await fetch(new URL('blobs/README.txt', server.url + folder), { method: 'PUT', body: 'mine', headers: auth });
    later([a]);
    a.library.delete(id);
    await a.sync();
    age(dir, 2 * DAY);
    later([a], TOMBSTONE_RETENTION_MS + DAY);
    expect((await a.sync()).blobsDeleted).toBe(1);
    expect(blobsIn(dir)).toEqual(['README.txt']);
  });
});
