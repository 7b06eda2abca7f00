/**
 * Captions and photo credits: kept in the article's HTML (with their figures) but not part of its
 * body text, which schema.org's `articleBody` defines without them.
 */
const CAPTION_HINT =
  /(^|[-_\s])(caption|captions|credit|credits|copyright|photo-?credit|image-?credit|wp-caption-text|media-?caption|img-?desc|image-?desc|photo-?desc)([-_\s]|$)/i;

const CAPTION_TEXT = [
  /^(image|photo|picture|foto|photograph|illustration|graphic|video|pictured|credit|source)( (copyright|caption|credit|courtesy))?\s*[:©|]/i,
  /^(image|photo) (copyright|caption|courtesy)\b/i,
  /^\((image|photo|picture|credit|source|pictured)s?\b[^)]*\)$/i,
  /\((image|photo|picture|pictured|credit|source)s?:[^)]{0,80}\)$/i,
  /credit:\s*[^.]{1,80}$/i,
  /^©/,
  /(\||\/|,)\s*(getty images|shutterstock|reuters|associated press|ap photo|ap|afp|epa|istock|alamy|pa|bloomberg)( file| photo| images| via getty images)?\)?$/i,
];

/** The same words ending a camelCase name: `imageEmbedCaption`, `photoCredit`. */
const CAMEL_CAPTION_HINT = /[a-z](Caption|Captions|Credit|Credits)([-_\s]|$)/;

export function hasCaptionHint(element: Element): boolean {
  const hint = `${element.getAttribute('class') ?? ''} ${element.id ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
  return hint.trim() !== '' && (CAPTION_HINT.test(hint) || CAMEL_CAPTION_HINT.test(hint));
}

export function isCaptionText(text: string): boolean {
  return text.length < 400 && CAPTION_TEXT.some((pattern) => pattern.test(text.trim()));
}

/** Whether a figure holds media with its caption (rather than a quote or table in a figure). */
function isMediaFigure(element: Element): boolean {
  return (
    element.querySelector('img, picture, video, iframe, svg, canvas') !== null &&
    element.querySelector('table, blockquote, pre, p + p') === null
  );
}

const MAX_CAPTION_CHARS = 400;
/** A container named for the picture it holds: its short text is that picture's caption. */
const MEDIA_CONTAINER_HINT = /image|img|photo|picture|figure|media|video|gallery|thumb/i;
const TEXT_BLOCKS = 'p, div, span, figcaption, small, em, cite';

function key(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Captions as Readability's restructuring cannot hide them: their texts, read from the prepared
 * copy before Readability rewrites `div`s into `p`s and drops their classes. A caption is what a
 * figure's caption or a caption-classed element says, or the short
 * text that sits with a single image in a small container.
 */
export function collectCaptionTexts(root: Element): Set<string> {
  const texts = new Set<string>();
  const add = (text: string | null | undefined): void => {
    const k = key(text ?? '');
    if (k.length >= 12 && k.length <= MAX_CAPTION_CHARS) texts.add(k);
  };
  for (const element of Array.from(root.querySelectorAll('figcaption, [class], [itemprop="caption"]'))) {
    if (element.tagName.toUpperCase() === 'FIGCAPTION' || hasCaptionHint(element)) {
      add(element.textContent);
      for (const block of Array.from(element.querySelectorAll(TEXT_BLOCKS))) add(block.textContent);
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const alt = key(img.getAttribute('alt') ?? '');
    const next = alt.length >= 12 ? textAfter(img) : null;
    // Text right below a picture that repeats its description is the picture's caption.
    if (next && (next === alt || (next.startsWith(alt) && next.length <= alt.length + 60))) add(next);
    let container = img.parentElement;
    for (let depth = 0; container && depth < 3; depth++, container = container.parentElement) {
      const length = key(container.textContent ?? '').length;
      if (length > MAX_CAPTION_CHARS || container.querySelectorAll('img').length > 1) break;
      if (length === 0 || container.tagName.toUpperCase() === 'P') continue;
      if (!MEDIA_CONTAINER_HINT.test(`${container.getAttribute('class') ?? ''} ${container.id}`)) break;
      for (const block of Array.from(container.querySelectorAll(TEXT_BLOCKS))) {
        if (!block.contains(img) && !block.querySelector('img')) add(block.textContent);
      }
      break;
    }
  }
  return texts;
}

/** The text of the first text-bearing element after `img`, looking up to three levels up. */
function textAfter(img: Element): string | null {
  let node: Element | null = img;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const text = key(sibling.textContent ?? '');
      if (text) return text;
      if (sibling.querySelector('img')) return null;
    }
  }
  return null;
}

/** For `blockText`'s `skip`: leaves captions and credits out of the body text. */
export function isCaptionElement(element: Element, captionTexts?: ReadonlySet<string>): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'FIGCAPTION') return true;
  if (tag === 'FIGURE') return isMediaFigure(element);
  if (tag === 'TABLE' || tag === 'PRE' || tag === 'BLOCKQUOTE' || tag === 'UL' || tag === 'OL') return false;
  const text = element.textContent ?? '';
  if (text.length > 600) return false;
  if (hasCaptionHint(element)) return true;
  if (captionTexts && captionTexts.size > 0 && text.length <= MAX_CAPTION_CHARS + 40 && captionTexts.has(key(text))) {
    return true;
  }
  // Judged by its words alone, a caption is one block: a container of paragraphs that ends with a
  // picture's credit is not a caption (its blocks are judged one by one).
  return (
    (tag === 'P' || tag === 'DIV' || tag === 'SPAN') && !element.querySelector(INNER_BLOCKS) && isCaptionText(text)
  );
}

const INNER_BLOCKS = 'p, figure, ul, ol, li, blockquote, table, h1, h2, h3, h4, h5, h6, section, article';
