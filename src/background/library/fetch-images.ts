/**
 * Downloads an article's images for offline reading. Only from sites the extension may reach (the
 * optional host permission): others stay remote links. Bounded in time, size and concurrency, and
 * checked to be images by their bytes, not by what the server claims.
 */
import { sniffImageType } from '../../library-io/bytes';

export interface FetchImagesOptions {
  fetchImpl: typeof fetch;
  /** Whether the extension may fetch from this origin (e.g. `https://cdn.example`). */
  canReach: (origin: string) => Promise<boolean>;
  concurrency?: number;
  timeoutMs?: number;
  maxImageBytes?: number;
}

export interface FetchedImages {
  images: Map<string, Blob>;
  /** URLs not fetched for lack of access to their site. */
  unreachable: string[];
  failed: string[];
}

export async function fetchImages(urls: string[], options: FetchImagesOptions): Promise<FetchedImages> {
  const { fetchImpl, canReach, concurrency = 6, timeoutMs = 15_000, maxImageBytes = 20 * 1024 * 1024 } = options;
  const result: FetchedImages = { images: new Map(), unreachable: [], failed: [] };
  const access = new Map<string, Promise<boolean>>();
  const reachable = (url: string) => {
    const origin = new URL(url).origin;
    if (!access.has(origin))
      access.set(
        origin,
        canReach(origin).catch(() => false),
      );
    return access.get(origin)!;
  };

  async function fetchOne(url: string): Promise<void> {
    if (!(await reachable(url))) {
      result.unreachable.push(url);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (!response.ok || declared > maxImageBytes) throw new Error(`HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const type =
        bytes.length <= maxImageBytes ? sniffImageType(bytes, response.headers.get('content-type') ?? '') : null;
      if (!type) throw new Error('Not an image');
      result.images.set(url, new Blob([bytes], { type }));
    } catch {
      result.failed.push(url);
    } finally {
      clearTimeout(timer);
    }
  }

  const queue = [...new Set(urls)];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) await fetchOne(url);
  });
  await Promise.all(workers);
  return result;
}
