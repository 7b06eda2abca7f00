/**
 * Readies an article body for the library: sanitised, every image with one absolute `src` (the
 * key its stored copy is found by), and the list of those image URLs to fetch.
 */
import { sanitiseHtml } from '../../sanitise/policy';
import { parseBody, type DomWindow } from './dom-window';

export interface PreparedHtml {
  html: string;
  imageUrls: string[];
}

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSET = 'data-srcset';

function absolute(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The widest candidate of a srcset: what a reader on a large screen would have seen. */
export function largestSrcsetCandidate(srcset: string | null): string | null {
  if (!srcset) return null;
  let best: { url: string; size: number } | null = null;
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if (!best || size > best.size) best = { url, size: Number.isFinite(size) ? size : 0 };
  }
  return best?.url ?? null;
}

export function prepareArticleHtml(win: DomWindow, html: string, baseUrl: string): PreparedHtml {
  // Every body goes through the policy's `stored` profile before it is stored, whatever its source.
  const clean = sanitiseHtml(html, { window: win, profile: 'stored', baseUrl });
  const doc = parseBody(win, clean);
  const imageUrls: string[] = [];
  for (const picture of Array.from(doc.querySelectorAll('picture'))) {
    const img = picture.querySelector('img');
    const source = picture.querySelector('source[srcset]');
    if (img && !img.getAttribute('src') && source) img.setAttribute('srcset', source.getAttribute('srcset') ?? '');
    picture.querySelectorAll('source').forEach((s) => s.remove());
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const candidates = [
      largestSrcsetCandidate(img.getAttribute('srcset')),
      largestSrcsetCandidate(img.getAttribute(LAZY_SRCSET)),
      // Lazy-loading attributes hold the real image; `src` is often a placeholder then.
      ...LAZY_SRC.map((a) => img.getAttribute(a)),
      img.getAttribute('src'),
    ];
    const src = candidates.map((c) => absolute(c, baseUrl)).find((c): c is string => c !== null);
    for (const attr of ['srcset', 'sizes', 'loading', LAZY_SRCSET, ...LAZY_SRC]) img.removeAttribute(attr);
    if (!src) {
      img.remove();
      continue;
    }
    img.setAttribute('src', src);
    if (!imageUrls.includes(src)) imageUrls.push(src);
  }
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = absolute(a.getAttribute('href'), baseUrl);
    if (href) a.setAttribute('href', href);
    else if (!a.getAttribute('href')?.startsWith('#')) a.removeAttribute('href');
  }
  return { html: doc.body.innerHTML, imageUrls };
}
