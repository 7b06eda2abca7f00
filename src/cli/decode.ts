/**
 * The CLI's decoding: the browser's rules of `src/shared/decode-html.ts`, with the Content-Type of a
 * fetched URL. Kept as the CLI's own entry so its scripts need not know the options object.
 */
import { decodeHtml as decodeHtmlBytes, type DecodedHtml } from '../shared/decode-html';

export { charsetOf, type DecodedHtml, type EncodingSource } from '../shared/decode-html';

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  return decodeHtmlBytes(bytes, { contentType });
}
