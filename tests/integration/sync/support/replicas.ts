/** Two or more devices' libraries syncing with one folder, for the integration tests. */
import { syncOnce, type SyncReport } from '../../../../src/sync/engine';
import { createRemoteFolder, openFolder } from '../../../../src/sync/folder';
import { createDav } from '../../../../src/sync/webdav';
import type { LocalArticle } from '../../../../src/sync/local-edits';
import { createMemoryLibrary, createMemoryRecords, type MemoryLibrary } from './memory-library';

export interface Device {
  name: string;
  folderUrl: string;
  library: MemoryLibrary;
  requests: string[];
  sync(options?: { timeoutMs?: number }): Promise<SyncReport>;
}

export interface DeviceOptions {
  folderUrl: string;
  username: string;
  password: string;
  passphrase?: string | null;
}

/** Small PBKDF2 count for tests that open many folders; the extension uses the full count. */
export const TEST_ITERATIONS = 1000;

export function device(name: string, options: DeviceOptions): Device {
  const library = createMemoryLibrary();
  const records = createMemoryRecords();
  const requests: string[] = [];
  let opened: Awaited<ReturnType<typeof openFolder>> | null = null;
  return {
    name,
    folderUrl: options.folderUrl,
    library,
    requests,
    async sync({ timeoutMs = 10_000 } = {}) {
      const dav = createDav({
        baseUrl: options.folderUrl,
        username: options.username,
        password: options.password,
        fetch,
        timeoutMs,
        onRequest: (method, path) => requests.push(`${method} ${path}`),
      });
      opened ??= await openFolder(dav, options.passphrase ?? null, { iterations: TEST_ITERATIONS });
      return syncOnce({
        folder: createRemoteFolder(dav, opened.keys),
        library,
        records,
        node: name,
        now: () => library.clock.now,
        backoffMs: 20,
      });
    },
  };
}

let counter = 0;

export function pixel(seed: number): Uint8Array {
  // A tiny PNG-like byte string, different per seed.
  return new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, seed & 255, (seed >> 8) & 255]);
}

/** An article with `images` pictures, saved from a page. */
export function article(
  title: string,
  images = 1,
): {
  article: Omit<LocalArticle, 'revision'>;
  images: Map<string, { bytes: Uint8Array; type: string }>;
} {
  const n = ++counter;
  const urls = Array.from({ length: images }, (_, i) => `https://img.example/${n}-${i}.png`);
  return {
    article: {
      id: `art-${n}-${Math.random().toString(36).slice(2, 8)}`,
      editedAt: 1_750_000_000_000,
      title,
      isRead: false,
      isArchived: false,
      isFavorite: false,
      position: null,
      tags: ['news'],
      content: {
        url: `https://news.example/${encodeURIComponent(title)}`,
        canonicalUrl: null,
        urlKeys: [`news.example/${encodeURIComponent(title)}`],
        status: 'complete',
        source: 'page',
        savedAt: 1_750_000_000_000,
        meta: { byline: 'Ann Other', siteName: 'News Example', wordCount: 4 },
        html: `<p>${title}: the body of the story.</p>${urls.map((u) => `<img src="${u}">`).join('')}`,
        text: `${title}: the body of the story.`,
        imageUrls: urls,
      },
      annotations: [],
    },
    images: new Map(urls.map((u, i) => [u, { bytes: pixel(n * 10 + i), type: 'image/png' }])),
  };
}

export function save(device: Device, made: ReturnType<typeof article>): string {
  device.library.save(made.article, made.images);
  return made.article.id;
}

/** Advances every device's clock (edits made later compare later). */
export function later(devices: Device[], ms = 1000): void {
  for (const d of devices) d.library.clock.now += ms;
}
