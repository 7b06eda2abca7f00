/**
 * Fetches a page to save from a link, decoded the way a browser would (`src/shared/decode-html.ts`):
 * a BOM, then the Content-Type's charset, then `<meta charset>`, then detection, then windows-1252.
 * The body is read as a stream and never beyond the size limit: a server that sends more than it
 * declares (or declares nothing, or compresses a huge page into a small one) is cut off there.
 */
import { decodeHtml } from '../../shared/decode-html';

/** The most of a page's body (as decoded from the wire) that is read. */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export type FetchPageErrorCode = 'not-a-page' | 'page-too-large';

export class FetchPageError extends Error {
  constructor(
    readonly code: FetchPageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FetchPageError';
  }
}

function tooLarge(): FetchPageError {
  return new FetchPageError('page-too-large', 'Page too large');
}

/** The body's bytes, read chunk by chunk; past `maxBytes` the stream is cancelled and reading stops. */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function fetchPage(
  url: string,
  fetchImpl: typeof fetch,
  { maxBytes = MAX_PAGE_BYTES }: { maxBytes?: number } = {},
): Promise<{ html: string; url: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    // The user's own session with the site (a subscription, a login) is what they asked to save.
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'include', redirect: 'follow' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/html/i.test(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchPageError('not-a-page', `Not a page: HTTP ${response.status} ${type}`);
    }
    // A declared length over the limit is refused before reading; one under it is not trusted.
    if (Number(response.headers.get('content-length')) > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    const bytes = await readAtMost(response, maxBytes);
    return { html: decodeHtml(bytes, { contentType: type }).text, url: response.url || url };
  } catch (error) {
    // Whatever stopped the reading, the connection goes with it.
    controller.abort();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
