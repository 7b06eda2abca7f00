/**
 * A picture that is not stored and fails to load (offline, or its server gone) is shown as a quiet
 * frame with its description instead of the browser's broken-image icon; in a saved article the
 * frame offers to download the article's missing pictures.
 *
 * The frame adds no text node to the article: highlights are anchored by offsets into the body's
 * text nodes (src/highlights/dom-text.ts), and read aloud reads them too. Its words live in
 * attributes: the description in `aria-label` (shown by CSS `content: attr()`), the button's in an
 * `<input type="button">`'s value. The picture stays in place, hidden, for copies and for
 * showing it once downloaded.
 */

export interface MissingPictureWords {
  /** For a picture without a description. */
  unavailable: string;
  download: string;
  downloading: string;
  stillMissing: string;
}

export interface MissingPictureOptions {
  words: MissingPictureWords;
  /**
   * Downloads the article's missing pictures and answers each address's data URL (null: still
   * missing). Absent: the article is not saved, and there is nothing to download into.
   */
  download?: (urls: string[]) => Promise<Map<string, string | null>>;
  /** Told what a screen reader should hear (the frame's own words are not in a live region). */
  announce?: (text: string) => void;
}

const FRAME = 'picture-missing';

/** Whether a failed picture should get a frame: a stored one (data:) failing is not "missing". */
function isRemote(img: HTMLImageElement): boolean {
  return /^https?:/i.test(img.getAttribute('src') ?? '');
}

/**
 * Watches `root` for pictures that fail to load and frames them; returns the function that stops
 * watching. Error events do not bubble: the listener catches them on their way down (capture).
 */
export function watchMissingPictures(root: HTMLElement, options: MissingPictureOptions): () => void {
  const controller = new AbortController();
  const framed = new Map<HTMLImageElement, HTMLElement>();
  let running: Promise<void> | null = null;

  async function downloadAll(): Promise<void> {
    const { words, download, announce } = options;
    if (!download) return;
    const buttons = () => [...framed.values()].map((f) => f.querySelector<HTMLInputElement>(`.${FRAME}__download`));
    for (const button of buttons()) {
      if (!button) continue;
      button.disabled = true;
      button.value = words.downloading;
    }
    let sources = new Map<string, string | null>();
    try {
      sources = await download([...framed.keys()].map((img) => img.getAttribute('src') ?? ''));
    } catch {
      // Reported below like any picture still missing.
    }
    let isAnyMissing = false;
    for (const [img, frame] of framed) {
      const dataUrl = sources.get(img.getAttribute('src') ?? '');
      if (dataUrl) {
        img.setAttribute('src', dataUrl);
        img.hidden = false;
        frame.remove();
        framed.delete(img);
      } else {
        isAnyMissing = true;
        frame.dataset.note = words.stillMissing;
      }
    }
    for (const button of buttons()) {
      if (!button) continue;
      button.disabled = false;
      button.value = words.download;
    }
    if (isAnyMissing) announce?.(words.stillMissing);
  }

  function frame(img: HTMLImageElement): void {
    if (framed.has(img) || !isRemote(img)) return;
    const doc = img.ownerDocument;
    const box = doc.createElement('span');
    box.className = FRAME;
    const description = doc.createElement('span');
    description.className = `${FRAME}__text`;
    description.setAttribute('role', 'img');
    description.setAttribute('aria-label', img.getAttribute('alt')?.trim() || options.words.unavailable);
    box.append(description);
    if (options.download) {
      const button = doc.createElement('input');
      button.type = 'button';
      button.className = `button ${FRAME}__download`;
      button.value = options.words.download;
      button.addEventListener('click', (event) => {
        // The picture may be a link's content: the click is the button's, not the link's.
        event.preventDefault();
        event.stopPropagation();
        running ??= downloadAll().finally(() => (running = null));
      });
      box.append(button);
    }
    img.before(box);
    img.hidden = true;
    framed.set(img, box);
  }

  root.addEventListener(
    'error',
    (event) => {
      const target = event.target as Element | null;
      if (target?.localName === 'img') frame(target as HTMLImageElement);
    },
    { capture: true, signal: controller.signal },
  );
  return () => controller.abort();
}
