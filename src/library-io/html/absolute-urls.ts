/**
 * Makes a fetched page's addresses absolute before extraction. A document parsed with DOMParser
 * has the address of the page that parsed it, and `<base href>` cannot fix that everywhere:
 * Chrome applies the extension pages' CSP (`base-uri 'none'`) to such documents and ignores
 * `<base>`, so relative images resolved to `chrome-extension://…` and were then dropped. Resolving
 * explicitly against the page's own address works the same in every DOM.
 */

const URL_ATTRIBUTES: readonly [tag: string, attribute: string][] = [
  ['a', 'href'],
  ['area', 'href'],
  ['img', 'src'],
  // Lazy-loading attributes: Readability and the library promote them to `src` later.
  ['img', 'data-src'],
  ['img', 'data-lazy-src'],
  ['img', 'data-original'],
  ['source', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['iframe', 'src'],
  ['blockquote', 'cite'],
  ['q', 'cite'],
  ['ins', 'cite'],
  ['del', 'cite'],
];

const SRCSET_ATTRIBUTES: readonly [tag: string, attribute: string][] = [
  ['img', 'srcset'],
  ['img', 'data-srcset'],
  ['source', 'srcset'],
  ['source', 'data-srcset'],
];

function resolve(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/** The page's base address: its `<base href>` resolved against where it was fetched from. */
export function pageBaseUrl(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && resolve(href, pageUrl)) || pageUrl;
}

/**
 * Each candidate of a srcset with its address resolved, parsed as the HTML standard does: an
 * address runs to the next space (commas inside it are part of it), then descriptors to a comma.
 */
export function resolveSrcset(srcset: string, base: string): string {
  const candidates: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let end = i;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcset.indexOf(',', i);
      descriptor = srcset.slice(i, comma === -1 ? srcset.length : comma).trim();
      i = comma === -1 ? srcset.length : comma + 1;
    }
    if (url) candidates.push([resolve(url, base) ?? url, descriptor].filter(Boolean).join(' '));
  }
  return candidates.join(', ');
}

export function absolutiseUrls(root: ParentNode, base: string): void {
  for (const [tag, attribute] of URL_ATTRIBUTES) {
    for (const element of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      const value = element.getAttribute(attribute) ?? '';
      // In-page links (footnotes) stay as they are: the reader keeps them working.
      if (attribute === 'href' && value.trim().startsWith('#')) continue;
      const absolute = resolve(value, base);
      if (absolute && absolute !== value) element.setAttribute(attribute, absolute);
    }
  }
  for (const [tag, attribute] of SRCSET_ATTRIBUTES) {
    for (const element of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      element.setAttribute(attribute, resolveSrcset(element.getAttribute(attribute) ?? '', base));
    }
  }
}
