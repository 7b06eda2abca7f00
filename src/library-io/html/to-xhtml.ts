/**
 * Article HTML as the body of an EPUB XHTML content document: well-formed XML, only elements and
 * attributes EPUB 3 reading systems accept, images pointing at files inside the book (an image
 * that is not in the book becomes its alt text: EPUB forbids remote images).
 */
import type { HighlightRecord } from '../../highlights/types';
import { sanitiseHtml } from '../../sanitise/policy';
import { parseBody, type DomWindow } from './dom-window';
import { appendFootnotes, markHighlights } from './mark-highlights';

const DROP_ELEMENTS = 'iframe, video, audio, object, embed, script, noscript, template, svg, math, picture > source';
const KEEP_ATTRIBUTES: Record<string, string[]> = {
  '*': ['id', 'lang', 'dir', 'title'],
  // The policy keeps one class: the media card's, which the book's stylesheet draws.
  a: ['href', 'class'],
  // Highlights: their colour.
  mark: ['class'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  time: ['datetime'],
  blockquote: ['cite'],
  q: ['cite'],
};
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function htmlToXhtmlBody(
  win: DomWindow,
  html: string,
  imageSrc: (url: string) => string | null,
  highlights: readonly HighlightRecord[] = [],
): string {
  // Cleaned again as it is stored today: a body saved under an older policy exports like a new one.
  const doc = parseBody(win, sanitiseHtml(html, { window: win, profile: 'stored' }));
  // Marked on the text the reader anchored them in, before anything is dropped from it.
  const highlighted = markHighlights(doc.body, highlights);
  doc.querySelectorAll(DROP_ELEMENTS).forEach((el) => el.remove());
  const ids = new Set<string>();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    const keep = new Set([...(KEEP_ATTRIBUTES['*'] ?? []), ...(KEEP_ATTRIBUTES[tag] ?? [])]);
    for (const attr of Array.from(el.attributes)) {
      if (!keep.has(attr.name)) el.removeAttribute(attr.name);
    }
    const id = el.getAttribute('id');
    // XML ids must be unique and start like a name.
    if (id !== null && (ids.has(id) || !/^[A-Za-z_][\w.-]*$/.test(id))) el.removeAttribute('id');
    else if (id !== null) ids.add(id);
    if (tag === 'img') {
      const src = imageSrc(el.getAttribute('src') ?? '');
      if (src === null) {
        const alt = el.getAttribute('alt');
        if (alt) el.replaceWith(doc.createTextNode(`[${alt}]`));
        else el.remove();
        continue;
      }
      el.setAttribute('src', src);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:)/.test(href)) el.removeAttribute('href');
    }
    for (const size of ['width', 'height']) {
      if (el.hasAttribute(size) && !/^\d+$/.test(el.getAttribute(size) ?? '')) el.removeAttribute(size);
    }
  }
  appendFootnotes(doc.body, highlighted, 'epub');
  const serializer = new win.XMLSerializer();
  return Array.from(doc.body.childNodes)
    .map((node) => serializer.serializeToString(node).replaceAll(` xmlns="${XHTML_NS}"`, ''))
    .join('');
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids these control characters anywhere in a document.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}
