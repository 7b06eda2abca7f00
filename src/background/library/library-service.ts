/**
 * The offline library as the background serves it: saving (with images), reading, listing,
 * searching, state changes and deletion with undo. Storage, the search index and the list cache
 * are kept in step here; export and import live in `library-exchange.ts`.
 */
import type { ExtractResult } from '../../extract/types';
import { bytesToBase64 } from '../../library-io/bytes';
import type { DomHost } from '../../library-io/dom-host';
import { createArticleRepository, type SaveInput } from '../../storage/article-repository';
import { LibraryError } from '../../storage/errors';
import type { LibraryDb } from '../../storage/schema';
import { createSearchIndex } from '../../storage/search-index';
import type { ArticleRecord } from '../../storage/types';
import type {
  SavedArticleData,
  SavedRef,
  SaveResult,
  StateChange,
  StorageEstimate,
} from '../../shared/messaging/library-protocol';
import { fetchImages, type FetchedImages } from './fetch-images';
import { fetchPage } from './fetch-page';
import { createListing, toSummary } from './listing';
import { createMissingParts } from './missing-parts';
import { createListPictures } from './list-pictures';
import { createRecordCache } from './record-cache';
import { createFirstPageKeeper, type FirstPageKeeperDeps } from './first-page-keeper';

export interface LibraryServiceDeps {
  db: LibraryDb;
  dom: DomHost;
  fetchImpl: typeof fetch;
  /** Whether the extension may fetch from an origin (host permission). */
  canReach: (origin: string) => Promise<boolean>;
  estimateStorage?: () => Promise<{ usage?: number; quota?: number }>;
  now?: () => number;
  /** Where the first page of the list is kept for the library page to draw while this wakes. */
  keptPage?: Omit<FirstPageKeeperDeps, 'list'>;
}

function imagesKept(fetched: FetchedImages): SaveResult['imagesKept'] {
  if (fetched.unreachable.length > 0) return 'no-access';
  return fetched.failed.length > 0 ? 'failed' : null;
}

export function createLibraryService(deps: LibraryServiceDeps) {
  const repo = createArticleRepository(deps.db, { now: deps.now });
  const search = createSearchIndex(deps.db);
  const cache = createRecordCache(deps.db);
  const records = () => cache.get();

  /**
   * Keeps what the background holds in memory in step with a write (the search index and the
   * counts were written in the write's own transaction).
   */
  async function written(changed: ArticleRecord[]): Promise<void> {
    cache.written(changed);
    forgetLists();
  }

  /** After every write: the lists in memory are read again, and the kept first page goes. */
  function forgetLists(): void {
    listing.forget();
    firstPage?.changed();
  }

  function fetchImagesFor(urls: string[]): Promise<FetchedImages> {
    return fetchImages(urls, { fetchImpl: deps.fetchImpl, canReach: deps.canReach });
  }

  const pictures = createListPictures({ repo, fetchImpl: deps.fetchImpl, canReach: deps.canReach });
  const listing = createListing({
    db: deps.db,
    search,
    records,
    isInMemory: () => cache.isLoaded,
    picturesOf: pictures.picturesOf,
  });
  const firstPage = deps.keptPage && createFirstPageKeeper({ ...deps.keptPage, list: listing.list });

  async function saveInput(input: SaveInput, fetched: FetchedImages | null): Promise<SaveResult> {
    const { record, isNew } = await repo.save(input);
    await written([record]);
    if (fetched?.unreachable.length) missing.awaitAccess(record.id);
    return {
      id: record.id,
      title: record.title,
      isNew,
      status: record.status,
      images: record.images,
      imagesKept: fetched ? imagesKept(fetched) : null,
    };
  }

  async function saveExtracted(
    result: ExtractResult,
    canonicalUrl: string | null,
    source: 'page' | 'link',
    /** The site's icon as the tab shows it (Firefox often gives a `data:` address). */
    iconUrl: string | null = null,
  ): Promise<SaveResult> {
    if (!result.html.trim()) throw new LibraryError('bad-request', result.reason ?? 'no-text');
    const prepared = await deps.dom.prepare({ html: result.html, baseUrl: result.url });
    // The page names its canonical address itself: another site's address must not make it that
    // site's article (replacing the copy saved from there).
    const canonical =
      canonicalUrl === null ? null : await deps.dom.sameSiteCanonical({ pageUrl: result.url, canonicalUrl });
    // The lead image is shown above the body: it is stored with the body's images.
    const lead = result.leadImage?.src ? new URL(result.leadImage.src, result.url).href : null;
    if (lead && /^https?:/.test(lead) && !prepared.imageUrls.includes(lead)) prepared.imageUrls.push(lead);
    const [fetched, siteIcon] = await Promise.all([
      fetchImagesFor(prepared.imageUrls),
      pictures.siteIconFor(canonical ?? result.url, iconUrl),
    ]);
    return saveInput(
      {
        url: result.url,
        canonicalUrl: canonical,
        fields: {
          title: result.title,
          byline: result.byline,
          siteName: result.siteName,
          publishedTime: result.publishedTime,
          lang: result.lang,
          dir: result.dir,
          excerpt: result.excerpt,
          leadImage: lead && result.leadImage ? { ...result.leadImage, src: lead } : null,
          wordCount: result.wordCount,
          readingMinutes: result.readingMinutes,
          removed: result.removed,
          pageType: result.pageType,
        },
        status: 'complete',
        source,
        html: prepared.html,
        text: result.text || prepared.text,
        imageUrls: prepared.imageUrls,
        images: fetched.images,
        // Made now from the bytes just downloaded; without them, later from the stored images.
        thumbnail:
          fetched.images.size > 0 ? await pictures.thumbnailOf(lead, prepared.imageUrls, fetched.images) : undefined,
        siteIcon,
      },
      fetched,
    );
  }

  function linkInput(url: string, title: string | undefined): SaveInput {
    return {
      url,
      canonicalUrl: null,
      fields: {
        title: title?.trim() || url,
        byline: null,
        siteName: null,
        publishedTime: null,
        lang: null,
        dir: null,
        excerpt: null,
        leadImage: null,
        wordCount: 0,
        readingMinutes: 0,
        removed: null,
      },
      status: 'link',
      source: 'link',
      html: '',
      text: '',
      imageUrls: [],
      images: new Map(),
    };
  }

  /**
   * Saves a link: fetched and extracted when the extension may reach its site, else kept as a
   * link to fetch later (the library offers to, once access is granted).
   */
  async function saveUrl(url: string, title?: string): Promise<SaveResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new LibraryError('bad-request', 'not-web-address', [url]);
    }
    if (await deps.canReach(parsed.origin).catch(() => false)) {
      const page = await fetchPage(url, deps.fetchImpl).catch(() => null);
      if (page) {
        const { result, canonicalUrl } = await deps.dom.extract({ html: page.html, url: page.url });
        if (result.isArticle) return saveExtracted(result, canonicalUrl, 'link');
      }
    }
    return saveInput(linkInput(url, title), null);
  }

  const missing = createMissingParts({
    repo,
    saveUrl,
    fetchImages: fetchImagesFor,
    storedImageUrls: async (id) =>
      (await deps.db.images.where('articleId').equals(id).primaryKeys()).map(([, url]) => url),
    written: (records) => written(records),
    now: deps.now,
  });

  async function requireRecord(id: string): Promise<ArticleRecord> {
    const record = await repo.get(id);
    if (!record) throw new LibraryError('not-found', 'article-gone');
    return record;
  }

  return {
    repo,
    search,
    /** Readies the search and the in-memory list ahead of the library page's first queries. */
    warm: async () => void (await records()),
    saveExtracted,
    saveUrl,

    async lookup(url: string): Promise<SavedRef | null> {
      const record = await repo.findByUrl(url);
      return record ? { id: record.id, title: record.title, savedAt: record.savedAt, images: record.images } : null;
    },

    async get(id: string): Promise<SavedArticleData> {
      const record = await requireRecord(id);
      const content = await repo.getContent(id);
      const stored = await deps.db.images.where('articleId').equals(id).primaryKeys();
      return {
        article: toSummary(record),
        html: content?.html ?? '',
        text: content?.text ?? '',
        imageUrls: content?.imageUrls ?? [],
        storedImages: stored.map(([, url]) => url),
      };
    },

    async image(id: string, url: string): Promise<{ dataUrl: string } | null> {
      const image = await repo.getImage(id, url);
      if (!image) return null;
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      return { dataUrl: `data:${image.blob.type || 'application/octet-stream'};base64,${bytesToBase64(bytes)}` };
    },

    list: firstPage?.list ?? listing.list,
    findNext: listing.findNext,
    pictures: pictures.forList,

    async update(ids: string[], change: StateChange): Promise<{ updated: number }> {
      const updated = await repo.update(ids, change);
      await written(updated);
      return { updated: updated.length };
    },

    async remove(ids: string[]): Promise<{ undoToken: string; count: number }> {
      const { token, removed } = await repo.remove(ids);
      cache.written([], removed);
      forgetLists();
      return { undoToken: token, count: removed.length };
    },

    async undoRemove(token: string): Promise<{ restored: number }> {
      const restored = await repo.restore(token);
      await written(restored);
      return { restored: restored.length };
    },

    fetchMissing: missing.fetchMissing,
    accessGranted: missing.accessGranted,

    async estimate(): Promise<StorageEstimate> {
      const estimate = (await deps.estimateStorage?.().catch(() => null)) ?? null;
      return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, articleCount: await repo.count() };
    },

    /** Called after imports, which write many articles at once. */
    written,
    /** Called after the sync wrote to the library (src/background/sync): the in-memory list follows. */
    synced(changed: ArticleRecord[], removed: string[]): void {
      cache.written(changed, removed);
      forgetLists();
    },
    /** Called after highlights changed: the list's rows show how many an article has. */
    highlightsChanged: (): void => firstPage?.changed(),
    records,
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
