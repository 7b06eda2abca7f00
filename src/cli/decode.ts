/**
 * Bytes to text the way a browser decodes a page: a byte order mark wins, then the HTTP
 * Content-Type's charset, then a `<meta charset>` in the first 1024 bytes, then windows-1252
 * (the HTML Standard's encoding sniffing algorithm, via html-encoding-sniffer).
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';
import sniffHtmlEncoding from 'html-encoding-sniffer';

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  const encoding = sniffHtmlEncoding(bytes, {
    transportLayerEncodingLabel: charsetOf(contentType),
    defaultEncoding: 'windows-1252',
  });
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
