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

const SRCSET_ENTRY = /(\S+)(\s+[\d.]+[xw])?(\s*(?:,|$))/g;

export function resolveSrcset(srcset: string, base: string): string {
  return srcset.replace(SRCSET_ENTRY, (_, url: string, descriptor = '', separator: string) => {
    return (resolveUrl(url, base) ?? url) + descriptor + separator;
  });
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
