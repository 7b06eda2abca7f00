/**
 * A library written straight into the extension through its own archive import: synthetic
 * articles, some with a stored lead picture (a real PNG, which the browser decodes to make the
 * list's thumbnail) and a reading position. Shared by the library end-to-end tests and the bench.
 */
import { deflateSync } from 'node:zlib';
import { bytesToBase64 } from '../../../src/library-io/bytes';
import { exportLibraryArchive } from '../../../src/library-io/export/library-archive';
import type { ExportArticle } from '../../../src/library-io/export/types';
import type { HighlightRecord } from '../../../src/highlights/types';
import type { ArticleRecord } from '../../../src/storage/types';
import type { TestPage } from './harness';
import { value } from './library-messages';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A `width`×`height` RGB PNG, a diagonal gradient tinted by `hue` (0–255). */
export function gradientPng(width: number, height: number, hue: number): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (hue + x) & 0xff;
      raw[row + 2 + x * 3] = (y * 255) / height;
      raw[row + 3 + x * 3] = 255 - hue;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    png.set(p, offset);
    offset += p.length;
  }
  return png;
}

export interface SeedOptions {
  /** Whether article `i` has a stored lead picture. */
  hasPicture(i: number): boolean;
  /** Article `i`'s reading position (share read), or null. */
  progress(i: number): number | null;
  /** Paragraphs of body text per article (of the default text). */
  paragraphs?: number;
  /** Article `i` is in Arabic, right to left. */
  isRtl?(i: number): boolean;
  picture?: Uint8Array;
  /** Article `i`'s title and body paragraphs, instead of a few words from a small vocabulary. */
  text?(i: number): { title: string; paragraphs: string[] };
  /** Article `i`'s state and tags, over the default: unread, kept, tagged "weekend" one in four. */
  state?(i: number): Partial<Pick<ArticleRecord, 'isRead' | 'isArchived' | 'isFavorite' | 'tags' | 'byline'>>;
  /** Article `i`'s highlights, given its id and its body's text as the reader counts it. */
  highlights?(id: string, text: string, i: number): HighlightRecord[];
  /** How many sites the articles come from (7). */
  sites?: number;
}

const WORDS = 'harbour winter border archive garden river market letter island station orchard lantern'.split(' ');

function defaultText(i: number, options: SeedOptions): { title: string; paragraphs: string[] } {
  const isRtl = options.isRtl?.(i) ?? false;
  return {
    title: isRtl ? `مقال رقم ${i} عن الميناء` : `Article ${i}: the ${WORDS[i % WORDS.length]} story`,
    paragraphs: Array.from(
      { length: options.paragraphs ?? 3 },
      (_, p) => `${WORDS.map((w, k) => WORDS[(k + p + i) % WORDS.length] ?? w).join(' ')}.`,
    ),
  };
}

/** Articles `seed-0` … as the archive import takes them; the same builder serves the tests and the bench. */
export function syntheticArticles(count: number, options: SeedOptions): ExportArticle[] {
  const start = Date.UTC(2024, 0, 1);
  const picture = options.picture ?? gradientPng(320, 200, 90);
  const sites = options.sites ?? 7;
  return Array.from({ length: count }, (_, i) => {
    const id = `seed-${i}`;
    const host = `site${i % sites}.example`;
    const isRtl = options.isRtl?.(i) ?? false;
    const { title, paragraphs: body } = options.text?.(i) ?? defaultText(i, options);
    const lead = `https://img${i % 5}.example/lead-${i}.png`;
    const hasPicture = options.hasPicture(i);
    const progress = options.progress(i);
    return {
      ...(options.highlights && { highlights: options.highlights(id, body.join(''), i) }),
      record: {
        id,
        url: `https://${host}/article/${i}`,
        canonicalUrl: null,
        urlKeys: [`${host}/article/${i}`],
        host,
        title,
        byline: null,
        siteName: `Site ${i % sites}`,
        publishedTime: null,
        lang: isRtl ? 'ar' : 'en',
        dir: isRtl ? 'rtl' : 'ltr',
        excerpt: body[0]!.slice(0, 140),
        leadImage: hasPicture ? { src: lead, alt: '' } : null,
        wordCount: 800,
        readingMinutes: 4,
        removed: null,
        status: 'complete',
        source: 'page',
        savedAt: start + i * 3_600_000,
        updatedAt: start + i * 3_600_000,
        tags: i % 4 === 0 ? ['weekend'] : [],
        isRead: false,
        isArchived: false,
        isFavorite: false,
        position: progress === null ? null : { progress },
        images: hasPicture ? { total: 1, stored: 1 } : { total: 0, stored: 0 },
        revision: 0,
        ...options.state?.(i),
      },
      content: {
        id,
        html: body.map((p) => `<p>${p}</p>`).join(''),
        text: body.join('\n\n'),
        imageUrls: hasPicture ? [lead] : [],
      },
      images: hasPicture ? [{ url: lead, type: 'image/png', bytes: picture }] : [],
    };
  });
}

/** Imports the articles through the library archive, from an extension page; the archive's size. */
export async function importArticles(page: TestPage, articles: ExportArticle[]): Promise<number> {
  const archive = await exportLibraryArchive(articles, { exportedAt: new Date(), baseName: 'seed' });
  const { transferId } = await value<{ transferId: string }>(page, 'transfer.open', { size: archive.bytes.length });
  const size = 4 * 1024 * 1024;
  for (let offset = 0; offset < archive.bytes.length; offset += size) {
    const data = bytesToBase64(archive.bytes.subarray(offset, offset + size));
    await value(page, 'transfer.write', { transferId, offset, data });
  }
  await value(page, 'articles.import', { transferId });
  return archive.bytes.length;
}
