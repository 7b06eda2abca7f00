/**
 * Fetches a page to save from a link, decoded the way a browser would (`src/shared/decode-html.ts`):
 * a BOM, then the Content-Type's charset, then `<meta charset>`, then detection, then windows-1252.
 */
import { decodeHtml } from '../../shared/decode-html';

const MAX_PAGE_BYTES = 15 * 1024 * 1024;

export async function fetchPage(url: string, fetchImpl: typeof fetch): Promise<{ html: string; url: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    // The user's own session with the site (a subscription, a login) is what they asked to save.
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'include', redirect: 'follow' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/html/i.test(type)) throw new Error(`Not a page: HTTP ${response.status} ${type}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_PAGE_BYTES) throw new Error('Page too large');
    return { html: decodeHtml(bytes, { contentType: type }).text, url: response.url || url };
  } finally {
    clearTimeout(timer);
  }
}
