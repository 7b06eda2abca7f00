/**
 * Bytes to text the way a browser decodes a page, for the CLI (Node) and the library's fetched pages
 * (service worker, offscreen document). In order, as Chromium and Firefox do:
 * 1. a byte order mark;
 * 2. the HTTP Content-Type's charset;
 * 3. a `<meta charset>` or `http-equiv` in the first 1,024 bytes (the HTML Standard's prescan);
 * 4. for an undeclared page, detection: UTF-8 when the bytes are UTF-8 (browsers run a detector
 *    here, compact_enc_det and chardetng, which is why an undeclared UTF-8 page reads right in
 *    them), else the legacy encoding `chardet` names;
 * 5. the locale default, windows-1252.
 *
 * `@exodus/bytes/encoding-browser.js` is the platform's own TextDecoder in a browser bundle and a
 * complete one in Node, whose TextDecoder decodes windows-1252 as Latin-1 and lacks x-user-defined.
 */
import { getBOMEncoding, labelToName, TextDecoder } from '@exodus/bytes/encoding-browser.js';
import { analyse } from 'chardet';
import { prescanMetaCharset } from './meta-prescan';

export type EncodingSource = 'bom' | 'http' | 'meta' | 'detected' | 'default';

export interface DecodedHtml {
  text: string;
  /** The encoding's WHATWG name (`UTF-8`, `windows-1252`, `Shift_JIS`…). */
  encoding: string;
  /** Which rule decided it. */
  source: EncodingSource;
}

export interface DecodeHtmlOptions {
  /** The HTTP Content-Type header, for a fetched page. */
  contentType?: string | null;
  /** The locale default for an undeclared page nothing else places; windows-1252 as in most locales. */
  defaultEncoding?: string;
}

/** Enough of a page for the detector, which is linear in what it reads (about 0.2 s per MB). */
const DETECTOR_SAMPLE_BYTES = 64 * 1024;
/** Markup and text before the first non-ASCII byte still tell single-byte encodings apart. */
const DETECTOR_LEAD_BYTES = 4 * 1024;
/**
 * chardet's answer for a few valid double-byte pairs and nothing else is 10: "can't tell". One `ü`
 * before a letter is such a pair in Shift_JIS, so a guess that weak is left to the default.
 */
const MIN_DETECTOR_CONFIDENCE = 11;
/** Below this share of broken sequences, a page is UTF-8 with a few bad bytes, not a legacy page. */
const MAX_BROKEN_UTF8_RATIO = 0.1;

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  // The encodings the Encoding Standard retired for security decode to one U+FFFD, as in browsers.
  if (encoding === 'replacement') return bytes.length > 0 ? '\uFFFD' : '';
  return new TextDecoder(encoding).decode(bytes);
}

function isSupported(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/**
 * A page that fails strict UTF-8 but whose non-ASCII text is nearly all well-formed UTF-8 (a
 * truncated file, one pasted Latin-1 byte) is still UTF-8: a legacy page decoded as UTF-8 turns
 * almost every non-ASCII byte into U+FFFD.
 */
function looseUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) broken++;
  }
  return broken <= (nonAscii - broken) * MAX_BROKEN_UTF8_RATIO ? text : null;
}

function detectorSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= DETECTOR_SAMPLE_BYTES) return bytes;
  let first = 0;
  while (first < bytes.length && (bytes[first] as number) < 0x80) first++;
  const start = Math.max(0, Math.min(first - DETECTOR_LEAD_BYTES, bytes.length - DETECTOR_SAMPLE_BYTES));
  return bytes.subarray(start, start + DETECTOR_SAMPLE_BYTES);
}

/** The legacy encoding the detector ranks highest among those a browser would decode with. */
function detectLegacy(bytes: Uint8Array): string | null {
  for (const match of analyse(detectorSample(bytes))) {
    if (match.confidence < MIN_DETECTOR_CONFIDENCE) break;
    const encoding = labelToName(match.name);
    // UTF-8 has failed already; browsers never guess UTF-16 without a BOM; UTF-32 is no web encoding.
    if (!encoding || encoding === 'replacement' || encoding.startsWith('UTF-')) continue;
    if (isSupported(encoding)) return encoding;
  }
  return null;
}

function detect(bytes: Uint8Array, defaultEncoding: string): DecodedHtml {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // UTF-8 decoding keeps the length only for pure ASCII, which reads the same in either encoding;
    // a browser names it by its default, unless ISO-2022-JP escapes (ESC, 0x1b) make it Japanese.
    if (text.length !== bytes.length) return { text, encoding: 'UTF-8', source: 'detected' };
    if (!bytes.includes(0x1b)) return { text, encoding: defaultEncoding, source: 'default' };
  } catch {
    const text = looseUtf8(bytes);
    if (text !== null) return { text, encoding: 'UTF-8', source: 'detected' };
  }
  const encoding = detectLegacy(bytes);
  if (encoding) return { text: decodeAs(bytes, encoding), encoding, source: 'detected' };
  return { text: decodeAs(bytes, defaultEncoding), encoding: defaultEncoding, source: 'default' };
}

export function decodeHtml(bytes: Uint8Array, options: DecodeHtmlOptions = {}): DecodedHtml {
  const defaultEncoding = labelToName(options.defaultEncoding ?? 'windows-1252') ?? 'windows-1252';
  const bomLabel = getBOMEncoding(bytes);
  const bom = bomLabel && labelToName(bomLabel);
  if (bom) return { text: decodeAs(bytes, bom), encoding: bom, source: 'bom' };
  const label = charsetOf(options.contentType);
  const http = label ? labelToName(label) : null;
  if (http) return { text: decodeAs(bytes, http), encoding: http, source: 'http' };
  const meta = prescanMetaCharset(bytes);
  if (meta) return { text: decodeAs(bytes, meta), encoding: meta, source: 'meta' };
  return detect(bytes, defaultEncoding);
}
