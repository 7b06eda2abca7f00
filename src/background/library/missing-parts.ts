/**
 * What a saved article may lack and fetch later: the text of an entry saved as a link, and images
 * kept remote for want of access to their sites.
 */
import type { ArticleRepository } from '../../storage/article-repository';
import type { ArticleRecord } from '../../storage/types';
import type { SaveResult } from '../../shared/messaging/library-protocol';
import type { FetchedImages } from './fetch-images';

/** How long after a save without image access a grant still fetches that article's images. */
const AWAIT_ACCESS_MS = 10 * 60 * 1000;

type Outcome = 'completed' | 'failed' | 'skipped';

export interface MissingPartsDeps {
  repo: ArticleRepository;
  saveUrl: (url: string, title?: string) => Promise<SaveResult>;
  fetchImages: (urls: string[]) => Promise<FetchedImages>;
  storedImageUrls: (id: string) => Promise<string[]>;
  written: (records: ArticleRecord[]) => Promise<void>;
  now?: () => number;
}

export function createMissingParts(deps: MissingPartsDeps) {
  const now = deps.now ?? Date.now;
  /**
   * Articles saved while the user was being asked for image access. The page that asked may be
   * gone when they answer (Firefox closes a popup when a permission prompt opens), so the
   * background fetches their images itself once access arrives (`permissions.onAdded`).
   */
  const awaitingAccess = new Map<string, number>();
  /** One download per article at a time, whoever asks (the page and the grant listener may both). */
  const running = new Map<string, Promise<Outcome>>();

  async function complete(id: string): Promise<Outcome> {
    const record = await deps.repo.get(id);
    if (!record) return 'skipped';
    if (record.status === 'link') {
      const result = await deps.saveUrl(record.url, record.title);
      return result.status === 'complete' ? 'completed' : 'failed';
    }
    if (record.images.stored >= record.images.total) return 'skipped';
    const content = await deps.repo.getContent(id);
    const have = new Set(await deps.storedImageUrls(id));
    const fetched = await deps.fetchImages((content?.imageUrls ?? []).filter((u) => !have.has(u)));
    const next = await deps.repo.storeImages(id, fetched.images);
    if (next) await deps.written([next]);
    return next && next.images.stored >= next.images.total ? 'completed' : 'failed';
  }

  function completeOnce(id: string): Promise<Outcome> {
    let work = running.get(id);
    if (!work) {
      work = complete(id).finally(() => running.delete(id));
      running.set(id, work);
    }
    return work;
  }

  async function fetchMissing(ids: string[]): Promise<{ completed: number; failed: number }> {
    let completed = 0;
    let failed = 0;
    for (const id of ids) {
      const outcome = await completeOnce(id);
      if (outcome === 'completed') completed++;
      else if (outcome === 'failed') failed++;
    }
    return { completed, failed };
  }

  return {
    fetchMissing,
    awaitAccess(id: string): void {
      awaitingAccess.set(id, now());
    },
    /** Access to sites was granted: fetches the images of the articles saved while it was asked. */
    accessGranted(): Promise<{ completed: number; failed: number }> {
      const since = now() - AWAIT_ACCESS_MS;
      const ids = [...awaitingAccess].filter(([, at]) => at >= since).map(([id]) => id);
      awaitingAccess.clear();
      return fetchMissing(ids);
    },
  };
}
