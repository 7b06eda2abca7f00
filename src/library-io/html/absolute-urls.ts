/**
 * Makes a fetched page's addresses absolute before extraction. A document parsed with DOMParser
 * has the address of the page that parsed it, and `<base href>` cannot fix that everywhere:
 * Chrome applies the extension pages' CSP (`base-uri 'none'`) to such documents and ignores
 * `<base>`, so relative images resolved to `chrome-extension://…` and were then dropped. Resolving
 * explicitly against the page's own address works the same in every DOM.
 */
import { absolutiseUrls } from '../../extract/urls';

/** Lazy-loading attributes: Readability and the library promote them to `src` later. */
const LAZY_ATTRIBUTES = {
  addresses: [
    ['img', 'data-src'],
    ['img', 'data-lazy-src'],
    ['img', 'data-original'],
  ],
  srcsets: [
    ['img', 'data-srcset'],
    ['source', 'data-srcset'],
  ],
} as const;

export function absolutiseFetchedPage(root: ParentNode, base: string): void {
  absolutiseUrls(root, base, LAZY_ATTRIBUTES);
}
