import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ImageAccess } from '../api/library-api';
import { useApi } from '../stores/context';
import { watchMissingPictures } from './missing-pictures';

/**
 * Frames the pictures of the article in `root` that fail to load (see missing-pictures.ts). In a
 * saved article (`savedId`) the frame's button downloads the article's missing pictures, asking
 * for access to their sites first as the library does: in the click, before anything is awaited.
 */
export function useMissingPictures(
  root: RefObject<HTMLElement | null>,
  savedId: string | null,
  imageUrls: readonly string[],
  announce?: (text: string) => void,
): void {
  const api = useApi();
  const { t, library } = api;
  /** Known before any click: the prompt needs the click's gesture, with no await before it. */
  const access = useRef<ImageAccess>('ask');
  const announceRef = useRef(announce);
  announceRef.current = announce;

  useEffect(() => {
    if (!savedId) return;
    const remote = imageUrls.filter((url) => /^https?:/i.test(url));
    void library
      .imageAccess(remote.length > 0 ? remote : undefined)
      .then((answer) => (access.current = answer))
      .catch(() => undefined);
  }, [library, savedId, imageUrls]);

  // Before paint and in the same task as the body's insertion: no picture's error event comes first.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    return watchMissingPictures(el, {
      words: {
        unavailable: t('pictureUnavailable'),
        download: t('downloadMissingImages'),
        downloading: t('downloadingImages'),
        stillMissing: t('imagesStillMissing'),
      },
      announce: (text) => announceRef.current?.(text),
      download: savedId
        ? async (urls) => {
            if (access.current !== 'granted' && !(await library.requestImageAccess())) return new Map();
            access.current = 'granted';
            await library.fetchMissing([savedId]);
            return new Map(
              await Promise.all(urls.map(async (url) => [url, await library.storedImage(savedId, url)] as const)),
            );
          }
        : undefined,
    });
  }, [root, savedId, t, library]);
}
