/** Makes every link and media address absolute, so the article works outside its page. */

export function resolveUrl(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return null;
  }
}

/** The page's base URL: `<base href>` resolved against the page address, or the address itself. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
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
    if (url) candidates.push([resolveUrl(url, base) ?? url, descriptor].filter(Boolean).join(' '));
  }
  return candidates.join(', ');
}

const URL_ATTRIBUTES: readonly [string, string][] = [
  ['a', 'href'],
  ['area', 'href'],
  ['img', 'src'],
  ['source', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['iframe', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['blockquote', 'cite'],
  ['q', 'cite'],
  ['ins', 'cite'],
  ['del', 'cite'],
];

const ATTRIBUTES_BY_TAG = new Map<string, string[]>();
for (const [tag, attribute] of URL_ATTRIBUTES) {
  ATTRIBUTES_BY_TAG.set(tag.toUpperCase(), [...(ATTRIBUTES_BY_TAG.get(tag.toUpperCase()) ?? []), attribute]);
}

export function absolutiseUrls(root: Element, base: string): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.tagName.toUpperCase();
    for (const attribute of ATTRIBUTES_BY_TAG.get(tag) ?? []) {
      const value = element.getAttribute(attribute);
      // In-page links (footnotes) keep working in the reader as they are.
      if (value === null || (tag === 'A' && value.startsWith('#'))) continue;
      const absolute = resolveUrl(value, base);
      if (absolute && absolute !== value) element.setAttribute(attribute, absolute);
    }
    if ((tag === 'IMG' || tag === 'SOURCE') && element.hasAttribute('srcset')) {
      element.setAttribute('srcset', resolveSrcset(element.getAttribute('srcset') ?? '', base));
    }
  }
}
