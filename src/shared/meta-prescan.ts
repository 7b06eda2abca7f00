/**
 * The HTML Standard's prescan for a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
 * first 1,024 bytes (https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding),
 * step for step, so that it finds exactly what a browser finds: not a `<meta>` inside a comment or
 * an attribute value, nor one past the first 1,024 bytes.
 */
import { labelToName } from '@exodus/bytes/encoding-browser.js';

const PRESCAN_BYTES = 1024;

/** Reading past the 1,024 bytes (or the end of a shorter page) ends the prescan without an answer. */
class OutOfBytes extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DASH = 0x2d;
const BANG = 0x21;
const QUESTION = 0x3f;

function isSpace(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** The byte as a character, ASCII upper case lowered (the prescan is case-insensitive). */
function lowered(byte: number): string {
  return String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
}

interface Attribute {
  name: string;
  value: string;
}

class Scanner {
  position = 0;
  private readonly end: number;

  constructor(private readonly bytes: Uint8Array) {
    this.end = Math.min(bytes.length, PRESCAN_BYTES);
  }

  at(offset = 0): number {
    const index = this.position + offset;
    if (index >= this.end) throw new OutOfBytes();
    return this.bytes[index] as number;
  }

  /** Whether the bytes at the position spell `ascii`, case-insensitively; never reads past the end. */
  startsWith(ascii: string): boolean {
    if (this.position + ascii.length > this.end) return false;
    for (let i = 0; i < ascii.length; i++) {
      if (lowered(this.bytes[this.position + i] as number) !== ascii[i]) return false;
    }
    return true;
  }

  skipTo(byte: number): void {
    while (this.at() !== byte) this.position++;
  }

  /** The standard's "get an attribute"; null when the tag ends first. */
  attribute(): Attribute | null {
    while (isSpace(this.at()) || this.at() === SLASH) this.position++;
    if (this.at() === GT) return null;
    let name = '';
    let value = '';
    for (;;) {
      const byte = this.at();
      if (byte === EQUALS && name !== '') {
        this.position++;
        break;
      }
      if (isSpace(byte)) {
        while (isSpace(this.at())) this.position++;
        if (this.at() !== EQUALS) return { name, value };
        this.position++;
        break;
      }
      if (byte === SLASH || byte === GT) return { name, value };
      name += lowered(byte);
      this.position++;
    }
    while (isSpace(this.at())) this.position++;
    const first = this.at();
    if (first === 0x22 || first === 0x27) {
      for (;;) {
        this.position++;
        const byte = this.at();
        if (byte === first) {
          this.position++;
          return { name, value };
        }
        value += lowered(byte);
      }
    }
    if (first === GT) return { name, value };
    for (;;) {
      const byte = this.at();
      if (isSpace(byte) || byte === GT) return { name, value };
      value += lowered(byte);
      this.position++;
    }
  }
}

/** The standard's "extract a character encoding from a meta element", on a `content` value. */
export function charsetFromContent(content: string): string | null {
  let position = 0;
  for (;;) {
    const found = content.toLowerCase().indexOf('charset', position);
    if (found < 0) return null;
    position = found + 'charset'.length;
    while (/[\t\n\f\r ]/.test(content[position] ?? '')) position++;
    if (content[position] !== '=') continue;
    position++;
    while (/[\t\n\f\r ]/.test(content[position] ?? '')) position++;
    const quote = content[position];
    if (quote === '"' || quote === "'") {
      const close = content.indexOf(quote, position + 1);
      return close < 0 ? null : labelToName(content.slice(position + 1, close));
    }
    if (quote === undefined) return null;
    const label = /^[^\t\n\f\r ;]*/.exec(content.slice(position))?.[0] ?? '';
    return labelToName(label);
  }
}

/** The charset a `<meta>` declares, once its attributes are read; null to go on scanning. */
function metaCharset(scanner: Scanner): string | null {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (let attribute = scanner.attribute(); attribute; attribute = scanner.attribute()) {
    const { name, value } = attribute;
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'http-equiv') {
      if (value === 'content-type') gotPragma = true;
    } else if (name === 'content') {
      const fromContent = charsetFromContent(value);
      if (fromContent !== null && charset === null) {
        charset = fromContent;
        needPragma = true;
      }
    } else if (name === 'charset') {
      charset = labelToName(value);
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return null;
  // A page that could say "UTF-16" in ASCII bytes is not UTF-16.
  if (charset === 'UTF-16LE' || charset === 'UTF-16BE') return 'UTF-8';
  if (charset === 'x-user-defined') return 'windows-1252';
  return charset;
}

function scan(scanner: Scanner): string | null {
  for (; ; scanner.position++) {
    if (scanner.at() !== LT) continue;
    if (scanner.startsWith('<!--')) {
      // The comment's own two dashes may close it: `<!-->`.
      scanner.position += 2;
      while (!(scanner.at() === GT && scanner.at(-1) === DASH && scanner.at(-2) === DASH)) scanner.position++;
    } else if (scanner.startsWith('<meta') && (isSpace(scanner.at(5)) || scanner.at(5) === SLASH)) {
      scanner.position += 5;
      const charset = metaCharset(scanner);
      if (charset) return charset;
    } else if (isLetter(scanner.at(1)) || (scanner.at(1) === SLASH && isLetter(scanner.at(2)))) {
      while (!isSpace(scanner.at()) && scanner.at() !== GT) scanner.position++;
      while (scanner.attribute());
    } else if (scanner.at(1) === BANG || scanner.at(1) === SLASH || scanner.at(1) === QUESTION) {
      scanner.skipTo(GT);
    }
  }
}

/** The encoding a `<meta>` in the first 1,024 bytes declares, by its WHATWG name, or null. */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  try {
    return scan(new Scanner(bytes));
  } catch (error) {
    if (error instanceof OutOfBytes) return null;
    throw error;
  }
}
