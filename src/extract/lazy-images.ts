/**
 * Lazy-loaded images carry their real address in a data attribute until a script swaps it in,
 * and the script never runs on our copy. Readability fixes the case where that attribute's value
 * ends in an image extension; CDNs often serve images from extensionless URLs, so the known
 * attribute names are trusted whatever the URL looks like.
 */
import { writeInertHtml, type InertDocument } from './inert-document';

const SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-actualsrc',
  'data-echo',
  'data-img-src',
  'data-image',
  'data-orig-file',
];
const SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

/** A `src` that only holds a place: a tiny data URI, a spacer or a "loading" image. */
const PLACEHOLDER_SRC =
  /^data:|(?:^|[/_.-])(?:blank|spacer|placeholder|pixel|transparent|lazy|loading|loader|grey|gray|1x1|empty)[^/]*\.(?:gif|png|svg|jpe?g|webp)(?:$|\?)/i;

function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\/|^\/[^/]|^[\w./-]+\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|\?)/i.test(value.trim());
}

function firstAttribute(element: Element, names: readonly string[], valid: (value: string) => boolean): string | null {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value && valid(value)) return value.trim();
  }
  return null;
}

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER_SRC.test(src.trim());
}

function fixImage(img: Element): void {
  const src = img.getAttribute('src');
  const lazyClass = /lazy/i.test(img.getAttribute('class') ?? '');
  const candidate = firstAttribute(img, SRC_ATTRIBUTES, looksLikeUrl);
  if (candidate && (isPlaceholder(src) || lazyClass)) img.setAttribute('src', candidate);
  const srcset = firstAttribute(img, SRCSET_ATTRIBUTES, (v) => v.trim() !== '');
  if (srcset && (!img.getAttribute('srcset') || lazyClass || isPlaceholder(src))) img.setAttribute('srcset', srcset);
  if (isPlaceholder(img.getAttribute('src')) && !img.getAttribute('srcset')) {
    // Last resort: any data attribute holding an image-like address.
    for (const attr of Array.from(img.attributes)) {
      if (
        attr.name.startsWith('data-') &&
        looksLikeUrl(attr.value) &&
        !/\.(?:js|css|html?)(?:$|\?)/i.test(attr.value)
      ) {
        img.setAttribute('src', attr.value.trim());
        break;
      }
    }
  }
}

/** `<noscript><img></noscript>` after (or instead of) a placeholder: the real image. */
function unwrapNoscriptImage(doc: InertDocument, noscript: Element): void {
  const holder = doc.createElement('div');
  // Parsed where scripting was on, noscript content is text: parsed here, in the inert copy.
  writeInertHtml(
    doc,
    holder,
    noscript.textContent?.includes('<') && noscript.children.length === 0 ? noscript.textContent : noscript.innerHTML,
  );
  const images = holder.querySelectorAll('img');
  const image = images[0];
  if (images.length !== 1 || !image || holder.textContent?.trim()) return;
  const previous = noscript.previousElementSibling;
  const placeholder = previous?.tagName === 'IMG' ? previous : previous?.querySelector('img');
  if (placeholder && isPlaceholder(placeholder.getAttribute('src')) && !placeholder.getAttribute('srcset')) {
    placeholder.replaceWith(image);
    noscript.remove();
  } else if (!placeholder && !noscript.parentElement?.querySelector('img')) {
    noscript.replaceWith(image);
  }
}

/** Real image addresses in `root` (by default the whole of `doc`), which must be in the inert copy `doc`. */
export function fixLazyImages(doc: InertDocument, root: Element | InertDocument = doc): void {
  if (root !== doc && root.ownerDocument !== doc) throw new Error('fixLazyImages works on the inert copy only.');
  for (const noscript of Array.from(root.querySelectorAll('noscript'))) unwrapNoscriptImage(doc, noscript);
  for (const img of Array.from(root.querySelectorAll('img'))) fixImage(img);
  for (const source of Array.from(root.querySelectorAll('picture source, video source'))) {
    const srcset = firstAttribute(source, SRCSET_ATTRIBUTES, (v) => v.trim() !== '');
    if (srcset && !source.getAttribute('srcset')) source.setAttribute('srcset', srcset);
    const src = firstAttribute(source, SRC_ATTRIBUTES, looksLikeUrl);
    if (src && !source.getAttribute('src') && !source.getAttribute('srcset')) source.setAttribute('src', src);
  }
}
