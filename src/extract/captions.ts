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

export function hasCaptionHint(element: Element): boolean {
  const hint = `${element.getAttribute('class') ?? ''} ${element.id ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
  return hint.trim() !== '' && CAPTION_HINT.test(hint);
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

/** For `blockText`'s `skip`: leaves captions and credits out of the body text. */
export function isCaptionElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'FIGCAPTION') return true;
  if (tag === 'FIGURE') return isMediaFigure(element);
  if (tag === 'TABLE' || tag === 'PRE' || tag === 'BLOCKQUOTE') return false;
  if (hasCaptionHint(element)) return (element.textContent ?? '').length < 600;
  return false;
}
