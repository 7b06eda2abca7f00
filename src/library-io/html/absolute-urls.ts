/**
 * Makes a fetched page's addresses absolute before extraction. A document parsed with DOMParser
 * has the address of the page that parsed it, and `<base href>` cannot fix that everywhere:
 * Chrome applies the extension pages' CSP (`base-uri 'none'`) to such documents and ignores
 * `<base>`, so relative images resolved to `chrome-extension://…` and were then dropped. Resolving
 * explicitly against the page's own address works the same in every DOM.
 */
import { resolveSrcset, resolveUrl } from '../../extract/urls';

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

export function absolutiseUrls(root: ParentNode, base: string): void {
  for (const [tag, attribute] of URL_ATTRIBUTES) {
    for (const element of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      const value = element.getAttribute(attribute) ?? '';
      // In-page links (footnotes) stay as they are: the reader keeps them working.
      if (attribute === 'href' && value.trim().startsWith('#')) continue;
      const absolute = resolveUrl(value, base);
      if (absolute && absolute !== value) element.setAttribute(attribute, absolute);
    }
  }
  for (const [tag, attribute] of SRCSET_ATTRIBUTES) {
    for (const element of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      element.setAttribute(attribute, resolveSrcset(element.getAttribute(attribute) ?? '', base));
    }
  }
}
