/**
 * The sanitiser every article body goes through before it is stored, whatever its source (a page,
 * a fetched link, an import file): DOMPurify on the given window, with no scripts, styles, forms,
 * event handlers or frames except the video players the extension's CSP allows.
 */
import type { DomWindow } from './dom-window';
import createDOMPurify from 'dompurify';

const ALLOWED_FRAME = /^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//;

export function sanitiseArticleHtml(win: DomWindow, html: string): string {
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'iframe') {
      const src = (node as Element).getAttribute('src') ?? '';
      if (!ALLOWED_FRAME.test(src)) node.parentNode?.removeChild(node);
    }
  });
  return purify.sanitize(html, {
    ADD_TAGS: ['iframe'],
    // Lazy-loading sources survive so that prepareArticleHtml can turn them into `src`.
    ADD_ATTR: ['allowfullscreen', 'data-src', 'data-lazy-src', 'data-original', 'data-srcset'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'link', 'meta', 'base'],
    FORBID_ATTR: ['style', 'srcdoc', 'ping'],
    ALLOW_DATA_ATTR: false,
  });
}
