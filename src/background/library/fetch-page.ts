/**
 * Fetches a page to save from a link, decoded the way a browser would: the charset from the
 * Content-Type header, else from a BOM or `<meta charset>`, else UTF-8; an unknown label falls back to
 * windows-1252, as for legacy pages.
 */
const MAX_PAGE_BYTES = 15 * 1024 * 1024;

function sniffCharset(bytes: Uint8Array, header: string | null): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(header ?? '')?.[1];
  if (fromHeader) return fromHeader;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

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
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(sniffCharset(bytes, type));
    } catch {
      decoder = new TextDecoder('windows-1252');
    }
    return { html: decoder.decode(bytes), url: response.url || url };
  } finally {
    clearTimeout(timer);
  }
}
