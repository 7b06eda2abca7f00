import { base64ToBytes, bytesToBase64 } from '../../library-io/bytes';
import { replaceImageSources } from '../../library-io/html/image-sources';
import { isLeadInBody } from '../article/lead-image';
import { browser } from '../../shared/browser';
import { originPatternsOf } from '../../shared/origin-pattern';
import { savedReaderPathFor } from '../../shared/reader-url';
import { sendToBackground } from '../../shared/messaging/clients';
import type { ImportProgress } from '../../shared/messaging/library-protocol';
import type { LibraryApi } from './library-api';
import { runtimeListLibrary } from './runtime-library-list';

const ALL_SITES = ['http://*/*', 'https://*/*'];
const DECLINED_KEY = 'library.imageAccessDeclined';
const CHUNK = 4 * 1024 * 1024;
/** How often a running import is asked for its progress. */
const IMPORT_POLL_MS = 250;

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
    }),
  );
  return results;
}

export function createRuntimeLibraryApi(): LibraryApi {
  return {
    saveTab: (tabId, options) => sendToBackground('articles.saveTab', { tabId, force: options?.force }),
    saveUrl: (url, title) => sendToBackground('articles.saveUrl', { url, title }),
    findSaved: (url) => sendToBackground('articles.lookup', { url }),
    openSaved: async (id) => void (await browser.tabs.create({ url: browser.runtime.getURL(savedReaderPathFor(id)) })),

    async getSavedArticle(id) {
      const data = await sendToBackground('articles.get', { id });
      // One message per image keeps each message small, whatever the article's size.
      const images = await mapLimit(data.storedImages, 4, async (url) => {
        const image = await sendToBackground('articles.image', { id, url });
        return [url, image?.dataUrl] as const;
      });
      const sources = new Map(images.filter((e): e is readonly [string, string] => typeof e[1] === 'string'));
      // Told apart by their original addresses: stored, a lead and a figure of one picture are two data: URLs.
      const lead = data.article.leadImage;
      const body = new DOMParser().parseFromString(data.html, 'text/html').body;
      const isRepeat = lead !== null && isLeadInBody(lead.src, body, data.article.url);
      const leadImage = lead && !isRepeat ? { ...lead, src: sources.get(lead.src) ?? lead.src } : null;
      return { ...data, article: { ...data.article, leadImage }, html: replaceImageSources(data.html, sources) };
    },

    list: runtimeListLibrary,
    findNext: (after, queue) => sendToBackground('articles.findNext', { after, queue }),
    pictures: async (ids) => (await sendToBackground('articles.pictures', { ids })).pictures,
    update: (ids, change) => sendToBackground('articles.update', { ids, change }),
    remove: (ids) => sendToBackground('articles.delete', { ids }),
    undoRemove: (undoToken) => sendToBackground('articles.undoDelete', { undoToken }),
    fetchMissing: (ids) => sendToBackground('articles.fetchMissing', { ids }),
    storedImage: async (id, url) => (await sendToBackground('articles.image', { id, url }))?.dataUrl ?? null,
    estimate: () => sendToBackground('articles.estimate', {}),
    warm: async () => void (await sendToBackground('articles.warm', {})),

    async exportArticles(request) {
      const info = await sendToBackground('articles.export', request);
      // Grown a chunk at a time: the page never holds the file's bytes twice over.
      let blob = new Blob([], { type: info.mimeType });
      try {
        for (let offset = 0; offset < info.size; offset += CHUNK) {
          const { data } = await sendToBackground('transfer.read', {
            transferId: info.transferId,
            offset,
            length: CHUNK,
          });
          blob = new Blob([blob, base64ToBytes(data) as BlobPart], { type: info.mimeType });
        }
      } finally {
        await sendToBackground('transfer.close', { transferId: info.transferId });
      }
      return { fileName: info.fileName, blob };
    },

    async importFile(file, options = {}) {
      const { transferId } = await sendToBackground('transfer.open', { size: file.size });
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
        await sendToBackground('transfer.write', { transferId, offset, data: bytesToBase64(bytes) });
      }
      const { jobId } = await sendToBackground('articles.importStart', { transferId });
      let isCancelSent = false;
      // Asking keeps the background awake through a long import (see import-jobs.ts).
      for (let progress: ImportProgress | null = null; ;) {
        if (options.signal?.aborted && !isCancelSent) {
          isCancelSent = true;
          progress = await sendToBackground('articles.importCancel', { jobId });
        } else {
          if (progress) await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
          progress = await sendToBackground('articles.importStatus', { jobId });
        }
        const { state, done, total, summary } = progress;
        options.onProgress?.({ state, done, total });
        if ((state === 'done' || state === 'cancelled') && summary) return { state, summary };
      }
    },

    async imageAccess(imageUrls) {
      if (imageUrls) {
        const origins = originPatternsOf(imageUrls);
        if (origins.length === 0 || (await browser.permissions.contains({ origins }))) return 'granted';
      }
      if (await browser.permissions.contains({ origins: ALL_SITES })) return 'granted';
      const stored = await browser.storage.local.get(DECLINED_KEY);
      return stored[DECLINED_KEY] === true ? 'declined' : 'ask';
    },

    async requestImageAccess() {
      // No await before this call: the prompt needs the click's user gesture.
      const granted = await browser.permissions.request({ origins: ALL_SITES });
      await browser.storage.local.set({ [DECLINED_KEY]: !granted });
      return granted;
    },

    declineImageAccess: () => browser.storage.local.set({ [DECLINED_KEY]: true }),
  };
}
