/**
 * `npm run bench:library` (after `npm run build`): the library at scale in real Chromium.
 * Seeds 10,000 synthetic articles (about 800 words each) through the archive import, then measures
 * the library page's first screen, search latency (p50/p95 over 60 queries, index warm), saving
 * one article with 10 images from a local server, and the library page's JS heap. Writes
 * bench/results/library.md.
 */
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { exportLibraryArchive } from '../src/library-io/export/library-archive';
import type { ExportArticle } from '../src/library-io/export/types';
import { bytesToBase64 } from '../src/library-io/bytes';
import { launchChromium, type TestPage } from '../tests/e2e/support/harness';

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const WORDS = 800;

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const vocabulary = Array.from({ length: 30_000 }, () =>
  Array.from({ length: 3 + Math.floor(random() * 7) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join(
    '',
  ),
);
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

function syntheticArticles(): ExportArticle[] {
  const start = Date.UTC(2020, 0, 1);
  return Array.from({ length: COUNT }, (_, i) => {
    const paragraphs = Array.from({ length: WORDS / 80 }, () => sentence(80));
    const id = `bench-${i}`;
    const title = sentence(7);
    return {
      record: {
        id,
        url: `https://site${i % 200}.example/article/${i}`,
        canonicalUrl: null,
        urlKeys: [`site${i % 200}.example/article/${i}`],
        host: `site${i % 200}.example`,
        title,
        byline: sentence(2),
        siteName: `Site ${i % 200}`,
        publishedTime: null,
        lang: 'en',
        dir: 'ltr',
        excerpt: paragraphs[0]!.slice(0, 140),
        leadImage: null,
        wordCount: WORDS,
        readingMinutes: 4,
        removed: null,
        status: 'complete',
        source: 'page',
        savedAt: start + i * 3_600_000,
        updatedAt: start + i * 3_600_000,
        tags: i % 7 === 0 ? ['weekend'] : [],
        isRead: i % 3 === 0,
        isArchived: i % 5 === 0,
        isFavorite: i % 11 === 0,
        position: null,
        images: { total: 0, stored: 0 },
        revision: 0,
      },
      content: {
        id,
        html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
        text: paragraphs.join('\n\n'),
        imageUrls: [],
      },
      images: [],
    };
  });
}

async function send<T>(page: TestPage, type: string, req: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([t, r]) => chrome.runtime.sendMessage({ channel: 'tidy-reader', to: 'background', type: t, req: r }),
    [type, req] as const,
  )) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error?.message}`);
  return reply.value;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/img/')) return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    const images = Array.from(
      { length: 10 },
      (_, i) =>
        `<p>${sentence(60)} <img src="/img/${i}.png" alt="Figure ${i}" width="600" height="400"> ${sentence(30)}</p>`,
    );
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><title>Ten images</title></head><body><article><h1>Ten images</h1>${images.join('')}</article></body></html>`,
      );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const harness = await launchChromium();
  const lines: string[] = [];
  try {
    const ext = await harness.openExtensionPage('options.html');
    const archive = await exportLibraryArchive(syntheticArticles(), { exportedAt: new Date(), baseName: 'bench' });
    const seedStart = performance.now();
    const { transferId } = await send<{ transferId: string }>(ext, 'transfer.open', { size: archive.bytes.length });
    const chunk = 4 * 1024 * 1024;
    for (let offset = 0; offset < archive.bytes.length; offset += chunk) {
      const data = bytesToBase64(archive.bytes.subarray(offset, offset + chunk));
      await send(ext, 'transfer.write', { transferId, offset, data });
    }
    await send(ext, 'articles.import', { transferId });
    const seedMs = performance.now() - seedStart;

    // Save one article with 10 images from the local server.
    const saveTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const saved = await send<{ images: { stored: number } }>(ext, 'articles.saveUrl', { url: `${origin}/page-${i}` });
      saveTimes.push(performance.now() - t0);
      if (saved.images.stored !== 10) throw new Error(`stored ${JSON.stringify(saved)}, expected 10 images`);
    }

    // First screen of the library page (background already running, list cache cold per page open).
    const firstScreens: number[] = [];
    let heapMb = 0;
    for (let i = 0; i < 5; i++) {
      const page = await harness.openExtensionPage('library.html');
      const ms = await page.waitFor(
        () => (document.querySelectorAll('.entry').length >= 50 ? performance.now() : 0),
        undefined,
        30_000,
      );
      firstScreens.push(ms);
      heapMb = await page.evaluate(
        () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
      );
      await page.close();
    }

    // Search, index warm (the library page warms it when it opens).
    const warmStart = performance.now();
    await send(ext, 'articles.warm', {});
    const warmMs = performance.now() - warmStart;
    const searchTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const query = i % 2 ? `${word()} ${word().slice(0, 4)}` : word();
      const t0 = performance.now();
      await send(ext, 'articles.list', { search: query, limit: 50 });
      searchTimes.push(performance.now() - t0);
    }
    const f = (n: number) => n.toFixed(0);
    lines.push(
      `# Library at scale (Chromium, ${COUNT.toLocaleString('en')} articles of ${WORDS} words)`,
      '',
      `Run ${new Date().toISOString().slice(0, 10)} by \`npm run bench:library\` on this machine (2 cores).`,
      '',
      '| measure | result | target |',
      '|---|---|---|',
      `| library first screen (50 rows rendered, from navigation), median of 5 | ${f(percentile(firstScreens, 50))} ms (max ${f(Math.max(...firstScreens))} ms) | ≤ 300 ms |`,
      `| search round trip from a page, p50 / p95 of 60 queries | ${f(percentile(searchTimes, 50))} / ${f(percentile(searchTimes, 95))} ms | p95 ≤ 50 ms |`,
      `| save one article with 10 images (fetch, extract, sanitise, download, store), median of 5 | ${f(percentile(saveTimes, 50))} ms | ≤ 1000 ms |`,
      `| library page JS heap after first screen | ${heapMb.toFixed(1)} MB | reported |`,
      `| search index load in the background (first search after start) | ${f(warmMs)} ms | reported |`,
      `| seeding ${COUNT} articles through archive import (${(archive.bytes.length / 1e6).toFixed(0)} MB) | ${(seedMs / 1000).toFixed(1)} s | reported |`,
      '',
    );
    await writeFile(resolve(import.meta.dirname, '../bench/results/library.md'), lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await harness.close();
    server.close();
  }
}

await main();
