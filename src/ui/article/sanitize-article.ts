/**
 * The last gate before article HTML meets an extension page. The extraction engine sanitises too,
 * but its output crossed a message channel from a content script running in a page we do not
 * trust (and a saved copy came from storage), so it is cleaned again here by the policy's `render`
 * profile (src/sanitise/policy.ts): no scripts, styles, frames, media elements, forms or event
 * handlers; an embedded player is a card with a link. Then the page's own rules: addresses made
 * absolute against the article's, only http(s)/mailto links and http(s)/data images, ids that
 * cannot collide with the page's, and an outline of the headings.
 */
import { sanitiseFragment } from '../../sanitise/policy';

/** Ids from the article are prefixed so they can never collide with the page's own. */
export const ARTICLE_ID_PREFIX = 'article-';

export interface OutlineEntry {
  id: string;
  text: string;
  level: number;
}

export interface SanitisedArticle {
  fragment: DocumentFragment;
  outline: OutlineEntry[];
  /** Absolute addresses of the images in the body (the lead image is not repeated when among them). */
  imageSources: Set<string>;
}

function resolveUrl(value: string, base: string, allowed: string[]): string | null {
  try {
    const url = new URL(value, base);
    return allowed.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function resolveImageSrc(value: string, base: string): string | null {
  // An empty source would resolve to the article's own address.
  if (!value.trim()) return null;
  // Saved articles carry their images as data: URLs. An SVG shown through <img> is a static image:
  // browsers never run its scripts or load what it links to.
  if (/^data:image\/(?:png|gif|jpe?g|webp|avif|svg\+xml)[;,]/i.test(value)) return value;
  return resolveUrl(value, base, ['http:', 'https:']);
}

function fixLink(a: HTMLAnchorElement, base: string): void {
  // A link the sanitiser took the address of (javascript:, data:) is text, not a link to the article.
  if (!a.hasAttribute('href')) return;
  const raw = a.getAttribute('href') ?? '';
  if (raw.startsWith('#')) {
    a.setAttribute('href', `#${ARTICLE_ID_PREFIX}${raw.slice(1)}`);
    return;
  }
  const href = resolveUrl(raw, base, ['http:', 'https:', 'mailto:']);
  if (!href) {
    a.removeAttribute('href');
    return;
  }
  a.setAttribute('href', href);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
}

function fixImage(img: HTMLImageElement, base: string): void {
  const src = resolveImageSrc(img.getAttribute('src') ?? '', base);
  if (!src) {
    img.remove();
    return;
  }
  img.setAttribute('src', src);
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
  img.setAttribute('referrerpolicy', 'no-referrer');
  if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
}

/** Wide tables and code scroll on their own; a focusable region lets keyboards scroll them too. */
function makeScrollable(el: Element, label: string): void {
  const doc = el.ownerDocument;
  if (el.tagName === 'PRE') {
    el.setAttribute('tabindex', '0');
    return;
  }
  const wrapper = doc.createElement('div');
  wrapper.className = 'scroll-x';
  wrapper.setAttribute('tabindex', '0');
  wrapper.setAttribute('role', 'region');
  wrapper.setAttribute('aria-label', label);
  el.replaceWith(wrapper);
  wrapper.append(el);
}

export function sanitiseArticle(html: string, baseUrl: string, labels: { table: string }): SanitisedArticle {
  const fragment = sanitiseFragment(html, { window, profile: 'render', baseUrl });
  for (const el of fragment.querySelectorAll('[id]')) el.id = ARTICLE_ID_PREFIX + el.id;
  for (const a of fragment.querySelectorAll('a')) fixLink(a, baseUrl);
  for (const img of fragment.querySelectorAll('img')) fixImage(img, baseUrl);
  for (const el of fragment.querySelectorAll('table, pre')) makeScrollable(el, labels.table);

  const outline: OutlineEntry[] = [];
  fragment.querySelectorAll('h1, h2, h3, h4').forEach((heading, index) => {
    const text = heading.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text) return;
    if (!heading.id) heading.id = `${ARTICLE_ID_PREFIX}section-${index + 1}`;
    heading.setAttribute('tabindex', '-1');
    outline.push({ id: heading.id, text, level: Number(heading.tagName.slice(1)) });
  });
  const imageSources = new Set([...fragment.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? ''));
  return { fragment, outline, imageSources };
}

export function safeImageSrc(src: string, baseUrl: string): string | null {
  return resolveImageSrc(src, baseUrl);
}

/** `url` when it is an http(s) address (the link back to the original page). */
export function safeWebUrl(url: string): string | null {
  return resolveUrl(url, 'about:blank', ['http:', 'https:']);
}
