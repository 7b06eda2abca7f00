/**
 * "Save for offline" on a reading surface: whether the page is saved already, saving it, and the
 * image-access question. Browsers show their permission prompt only during a user gesture, so the
 * prompt is asked first thing in the click (`allowImagesAndSave`); the save itself runs beside it,
 * because the page asking may close before the user answers (Firefox closes a popup when a
 * prompt opens) — the background then downloads the images once access is granted.
 */
import { signal } from '@preact/signals';
import type { ExtractResult } from '../../extract/types';
import { toApiFailure, type ExtensionApi } from '../api/extension-api';
import type { ImageAccess, SaveResult } from '../api/library-api';
import { failureText } from '../i18n';

/** Saving from a surface with no live tab behind it: said as it is, not as a failure. */
class SaveNeedsTab extends Error {}

/** What the user is told beside "Saved". */
export type SaveNote =
  /** Saved; the images are being downloaded now that access was granted. */
  | 'downloading-images'
  /** Saved with the pictures left as links to their sites (access declined). */
  | 'images-remote'
  /** Saved, but some pictures could not be downloaded (they stay links). */
  | 'images-failed';

export type SaveState =
  | { kind: 'checking' }
  | { kind: 'unsaved' }
  /** Explaining why images need access, before the browser asks. */
  | { kind: 'offer' }
  | { kind: 'saving' }
  | { kind: 'saved'; id: string; title: string; note: SaveNote | null; isFresh: boolean }
  /** `message` is in the reader's language. */
  | { kind: 'failed'; message: string };

/** The http(s) images an article shows: the body's and the lead image. */
export function imageUrlsOf(article: ExtractResult): string[] {
  const urls = new Set<string>();
  const doc = new DOMParser().parseFromString(article.html, 'text/html');
  const sources = [...doc.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
  if (article.leadImage) sources.push(article.leadImage.src);
  for (const src of sources) {
    try {
      const url = new URL(src, article.url);
      if (url.protocol === 'http:' || url.protocol === 'https:') urls.add(url.href);
    } catch {
      // Not an address: nothing to download.
    }
  }
  return [...urls];
}

export interface SaveTarget {
  article: ExtractResult;
  tabId: number | null;
  /**
   * The page a reader took the place of in its tab ("Always open in reader on this site"): with
   * no live tab, the background saves the article it kept for that page.
   */
  original?: string | null;
  /** The library entry the article was opened from, when it is a saved copy already. */
  savedId: string | null;
}

export function createSaveStore(api: ExtensionApi, target: SaveTarget) {
  const { library } = api;
  const state = signal<SaveState>(target.savedId ? savedState(target.savedId, false) : { kind: 'checking' });
  /** Known before any click, so that the click can ask for access without awaiting first. */
  const access = signal<ImageAccess>('ask');

  function savedState(id: string, isFresh: boolean, note: SaveNote | null = null): SaveState {
    return { kind: 'saved', id, title: target.article.title, note, isFresh };
  }

  function noteFor(result: SaveResult): SaveNote | null {
    if (result.imagesKept === 'no-access') return 'images-remote';
    return result.imagesKept === 'failed' ? 'images-failed' : null;
  }

  async function run(save: () => Promise<SaveResult>, afterSave?: (r: SaveResult) => Promise<SaveNote | null>) {
    state.value = { kind: 'saving' };
    try {
      const result = await save();
      state.value = savedState(result.id, true, afterSave ? null : noteFor(result));
      if (afterSave) state.value = savedState(result.id, true, await afterSave(result));
    } catch (error) {
      const message = error instanceof SaveNeedsTab ? api.t('saveNeedsTab') : failureText(api.t, toApiFailure(error));
      state.value = { kind: 'failed', message };
    }
  }

  const original = target.original ?? null;

  function saveTab(): Promise<SaveResult> {
    if (target.tabId !== null) return library.saveTab(target.tabId);
    if (original !== null) return api.alwaysReader.save(original);
    return Promise.reject(new SaveNeedsTab());
  }

  return {
    state,
    access,
    /** Whether there is anything to save from: a live tab, or the page a reader took the place of. */
    canSave: target.tabId !== null || original !== null,

    async start(): Promise<void> {
      const [found, imageAccess] = await Promise.all([
        target.savedId ? null : library.findSaved(target.article.url).catch(() => null),
        library.imageAccess(imageUrlsOf(target.article)).catch(() => 'ask' as const),
      ]);
      access.value = imageAccess;
      if (state.value.kind !== 'checking') return;
      state.value = found ? savedState(found.id, false) : { kind: 'unsaved' };
    },

    /** The button: saves, or first explains why images need access when the browser would ask. */
    save(): Promise<void> | void {
      if (access.value === 'ask') {
        state.value = { kind: 'offer' };
        return;
      }
      return run(saveTab);
    },

    /** "Allow and save": must run synchronously from the click, the permission request first. */
    allowImagesAndSave(): Promise<void> {
      const asking = library.requestImageAccess().catch(() => false);
      return run(saveTab, async (result) => {
        const isGranted = await asking;
        access.value = isGranted ? 'granted' : 'declined';
        if (result.imagesKept !== 'no-access') return noteFor(result);
        if (!isGranted) return 'images-remote';
        state.value = savedState(result.id, true, 'downloading-images');
        const fetched = await library.fetchMissing([result.id]).catch(() => ({ completed: 0, failed: 1 }));
        return fetched.failed > 0 ? 'images-failed' : null;
      });
    },

    /** "Save text only": remembered, so the button stops asking. */
    saveTextOnly(): Promise<void> {
      access.value = 'declined';
      void library.declineImageAccess().catch(() => undefined);
      return run(saveTab);
    },

    cancelOffer(): void {
      if (state.value.kind === 'offer') state.value = { kind: 'unsaved' };
    },

    dismissNote(): void {
      const current = state.value;
      if (current.kind === 'saved') state.value = { ...current, note: null, isFresh: false };
      else if (current.kind === 'failed') state.value = { kind: 'unsaved' };
    },
  };
}

export type SaveStore = ReturnType<typeof createSaveStore>;
