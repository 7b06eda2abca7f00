/**
 * The pictures the library list shows beside each article: its thumbnail and its site's icon.
 * Both are made once (see `pictures.ts`): at save from what was just downloaded, or, for articles
 * saved or imported before, the first time the list asks for them, from the images stored with
 * the article. Nothing here fetches an article's images; only a site's icon is downloaded, once,
 * at save, from a site the extension may already reach.
 */
import type { ArticleRepository } from '../../storage/article-repository';
import type { ArticleRecord, ThumbnailRecord } from '../../storage/types';
import { hostOf } from '../../shared/host';
import type { ListPicture } from '../../shared/messaging/library-protocol';
import { fetchImages } from './fetch-images';
import { dataUrlToBlob, ICON_SIZE, makePicture, THUMBNAIL_SIZE } from './pictures';

/** Pictures made in one request at most: the rest come with the list's next request. */
const MAX_MADE_PER_REQUEST = 24;
/** How many of an article's images are tried before it counts as having no picture. */
const MAX_TRIED = 3;

/** What making an article's pictures needs to know of it. */
export type ListedArticle = Pick<ArticleRecord, 'id' | 'host' | 'leadImage'>;

export interface ListPicturesDeps {
  repo: ArticleRepository;
  fetchImpl: typeof fetch;
  canReach: (origin: string) => Promise<boolean>;
}

export function createListPictures(deps: ListPicturesDeps) {
  const { repo } = deps;

  /** A thumbnail from the first of the lead image and the body's images that decodes. */
  async function thumbnailOf(
    lead: string | null,
    imageUrls: readonly string[],
    images: { get(url: string): Blob | undefined | Promise<Blob | undefined> },
  ): Promise<string | null> {
    const candidates = [...new Set([...(lead ? [lead] : []), ...imageUrls])];
    let tried = 0;
    for (const url of candidates) {
      const blob = await images.get(url);
      if (!blob) continue;
      const made = await makePicture(blob, THUMBNAIL_SIZE);
      if (made || ++tried >= MAX_TRIED) return made;
    }
    return null;
  }

  async function thumbnailFromStore(record: ListedArticle): Promise<ThumbnailRecord> {
    const content = await repo.getContent(record.id);
    const dataUrl = await thumbnailOf(record.leadImage?.src ?? null, content?.imageUrls ?? [], {
      get: async (url) => (await repo.getImage(record.id, url))?.blob,
    });
    return { id: record.id, dataUrl };
  }

  return {
    thumbnailOf,

    /**
     * The site's icon for a page being saved, as a data URL; null when the site's icon is already
     * stored or cannot be read (no access to the site, none there).
     */
    async siteIconFor(pageUrl: string, iconUrl: string | null): Promise<string | null> {
      try {
        if (await repo.hasSiteIcon(hostOf(pageUrl))) return null;
        const address = iconUrl && /^(https?|data):/.test(iconUrl) ? iconUrl : new URL('/favicon.ico', pageUrl).href;
        let blob = address.startsWith('data:') ? dataUrlToBlob(address) : null;
        if (!blob && !address.startsWith('data:')) {
          const fetched = await fetchImages([address], {
            fetchImpl: deps.fetchImpl,
            canReach: deps.canReach,
            timeoutMs: 5000,
            maxImageBytes: 512 * 1024,
          });
          blob = fetched.images.get(address) ?? null;
        }
        return blob ? await makePicture(blob, ICON_SIZE) : null;
      } catch {
        return null;
      }
    },

    /** The list's pictures of these articles, making the thumbnails not made yet. */
    async forList(ids: string[]): Promise<ListPicture[]> {
      return picturesOf(await repo.getMany(ids.slice(0, 100)));
    },

    /** The same for articles just listed: what the list read already is not read again. */
    picturesOf,
  };

  async function picturesOf(records: readonly ListedArticle[]): Promise<ListPicture[]> {
    const hosts = [...new Set(records.map((r) => r.host))];
    const { thumbnails, icons } = await repo.pictures(
      records.map((r) => r.id),
      hosts,
    );
    const missing = records.filter((r) => !thumbnails.has(r.id)).slice(0, MAX_MADE_PER_REQUEST);
    const made: ThumbnailRecord[] = [];
    for (const record of missing) made.push(await thumbnailFromStore(record));
    if (made.length > 0) {
      await repo.putThumbnails(made);
      for (const row of made) thumbnails.set(row.id, row);
    }
    return records.map((r) => ({
      id: r.id,
      thumbnail: thumbnails.get(r.id)?.dataUrl ?? null,
      icon: icons.get(r.host)?.dataUrl ?? null,
      isPending: !thumbnails.has(r.id),
    }));
  }
}
