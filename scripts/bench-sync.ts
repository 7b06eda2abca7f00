/**
 * `npm run bench:sync`: the sync core against Apache 2 with mod_dav on 127.0.0.1 (started here,
 * as the tests start it). A first sync of 1,000 articles with two images each, then an idle sync
 * with nothing changed (bar: ≤ 2 requests, ≤ 200 ms), then one changed article (bar: ≤ 4
 * requests), then a second device's first sync. Results in bench/results/sync.md.
 *
 * Request counts do not depend on the machine; times do: they come from a shared machine and the
 * report records its load.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { syncOnce } from '../src/sync/engine';
import { createRemoteFolder, openFolder } from '../src/sync/folder';
import { createDav } from '../src/sync/webdav';
import { createMemoryLibrary, createMemoryRecords } from '../tests/integration/sync/support/memory-library';
import { startApache } from '../tests/integration/sync/support/webdav-servers';

const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 1000);
const IMAGES_PER_ARTICLE = 2;
const IMAGE_BYTES = 24 * 1024;
const BODY_PARAGRAPHS = 40;

function deviceFor(folderUrl: string, username: string, password: string, node: string) {
  const library = createMemoryLibrary();
  const records = createMemoryRecords();
  const requests: string[] = [];
  const dav = createDav({
    baseUrl: folderUrl,
    username,
    password,
    fetch,
    onRequest: (method, path) => requests.push(`${method} ${path}`),
  });
  let keys: Awaited<ReturnType<typeof openFolder>>['keys'] | undefined;
  return {
    library,
    requests,
    async sync() {
      if (keys === undefined) keys = (await openFolder(dav, null)).keys;
      requests.length = 0;
      const started = performance.now();
      const report = await syncOnce({
        folder: createRemoteFolder(dav, keys),
        library,
        records,
        node,
        now: () => library.clock.now,
      });
      return { ms: performance.now() - started, requests: requests.length, report };
    },
  };
}

function fill(library: ReturnType<typeof createMemoryLibrary>): void {
  for (let i = 0; i < ARTICLES; i++) {
    const urls = Array.from({ length: IMAGES_PER_ARTICLE }, (_, k) => `https://img.example/${i}-${k}.jpg`);
    const body = Array.from(
      { length: BODY_PARAGRAPHS },
      (_, p) => `<p>Paragraph ${p} of story ${i}, about harbours.</p>`,
    );
    const images = new Map(
      urls.map((url, k) => {
        const bytes = new Uint8Array(IMAGE_BYTES);
        // Distinct pictures: the article's and the image's number at the start, a pattern after.
        new DataView(bytes.buffer).setUint32(0, i * IMAGES_PER_ARTICLE + k);
        for (let b = 4; b < bytes.length; b += 97) bytes[b] = (i * 7 + k * 13 + b) & 255;
        return [url, { bytes, type: 'image/jpeg' }] as const;
      }),
    );
    library.save(
      {
        id: `bench-${i}`,
        editedAt: library.clock.now,
        title: `Story ${i}`,
        isRead: false,
        isArchived: false,
        isFavorite: false,
        position: null,
        tags: i % 3 === 0 ? ['harbours'] : [],
        content: {
          url: `https://news.example/story-${i}`,
          canonicalUrl: null,
          urlKeys: [`news.example/story-${i}`],
          status: 'complete',
          source: 'page',
          savedAt: library.clock.now,
          meta: { byline: 'Ann Other', siteName: 'News Example', wordCount: 400 },
          html: body.join('') + urls.map((u) => `<img src="${u}">`).join(''),
          text: body.join('\n\n'),
          imageUrls: urls,
        },
        annotations: [],
      },
      images,
    );
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const server = await startApache();
  const load = loadavg().map((l) => l.toFixed(2));
  try {
    const folder = `${server.url}bench/`;
    const a = deviceFor(folder, server.username, server.password, 'a');
    fill(a.library);
    console.log(`First sync of ${ARTICLES} articles…`);
    const first = await a.sync();
    const idle = [];
    for (let i = 0; i < 7; i++) idle.push(await a.sync());
    // Apache gives a file written in the last second a weak ETag that If-Match cannot match
    // (the sync would wait and retry): a reader's edit comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    a.library.clock.now += 60_000;
    a.library.edit(`bench-${Math.floor(ARTICLES / 2)}`, { isRead: true, tags: ['harbours', 'read'] });
    const changed = await a.sync();
    const b = deviceFor(folder, server.username, server.password, 'b');
    const second = await b.sync();
    const bIdle = await b.sync();
    const isSame = b.library.snapshot() === a.library.snapshot();

    const idleMs = median(idle.map((r) => r.ms));
    const idleRequests = Math.max(...idle.map((r) => r.requests));
    const rows = [
      ['First sync, 1 device', ARTICLES, first.requests, first.ms, '—'],
      ['Idle sync, nothing changed (median of 7)', 0, idleRequests, idleMs, `≤ 2 requests, ≤ 200 ms`],
      ['One changed article', 1, changed.requests, changed.ms, '≤ 4 requests'],
      ['First sync of a second device', ARTICLES, second.requests, second.ms, '—'],
      ['Second device idle', 0, bIdle.requests, bIdle.ms, '≤ 2 requests'],
    ] as const;
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const report = [
      '# Sync benchmark',
      '',
      `Run ${new Date().toISOString()} by \`npm run bench:sync\`: the sync core (Node ${process.version}) against Apache`,
      `2 with mod_dav on 127.0.0.1, started by the script. ${ARTICLES} articles, each with a ${BODY_PARAGRAPHS}-paragraph body`,
      `and ${IMAGES_PER_ARTICLE} images of ${IMAGE_BYTES / 1024} KiB, not encrypted.`,
      '',
      `Machine: ${cpus().length} cores, load average ${load.join(' / ')} at the start (shared with other work:`,
      '**the times are not reliable under this load; the request counts are**, as they do not depend on the machine).',
      '',
      '| Sync | Articles changed | Requests | Time (ms) | Bar |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows.map(([what, n, requests, ms, bar]) => `| ${what} | ${n} | ${requests} | ${ms.toFixed(0)} | ${bar} |`),
      '',
      `- Idle sync: ${idleRequests} request(s), ${verdict(idleRequests <= 2)}; ${idleMs.toFixed(0)} ms, ${verdict(idleMs <= 200)}.`,
      `- One changed article: ${changed.requests} requests, ${verdict(changed.requests <= 4)} (${changed.report.uploaded} file written).`,
      `- The second device's library equals the first's after its sync: ${isSame ? 'yes' : '**no**'}.`,
      '',
      'The first sync writes one file per article and per image (each `PUT` conditional), then the manifest.',
      'An idle sync is one `GET` of the manifest with `If-None-Match` (answered 304, or 200 when the',
      "device's own last write left it without an ETag, as Apache's PUT answers have none).",
      '',
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/sync.md', report);
    console.log(report);
    if (!isSame || idleRequests > 2 || changed.requests > 4) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

await main();
