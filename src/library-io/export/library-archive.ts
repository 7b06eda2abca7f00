/**
 * The whole library (or a selection) as one zip: `tidy-reader-library.json` with every article's
 * record and body, and each stored image as a file under `images/`, byte for byte. Importing it
 * gives back the same library: same ids, dates, tags, states, positions, bodies and image bytes.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ArticleRecord } from '../../storage/types';
import { IMAGE_EXTENSIONS } from '../bytes';
import type { ExportArticle, ExportFile } from './types';

export const ARCHIVE_MANIFEST = 'tidy-reader-library.json';
export const ARCHIVE_FORMAT = 'tidy-reader-library';
export const ARCHIVE_VERSION = 1;

export interface ArchiveEntry {
  record: Omit<ArticleRecord, 'revision'>;
  content: { html: string; text: string; imageUrls: string[] };
  images: { url: string; type: string; file: string }[];
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: string;
  articles: ArchiveEntry[];
}

export interface ArchiveOptions {
  exportedAt: Date;
  baseName: string;
}

/**
 * Writes the archive as a stream: each article's images go into the zip as they are read, and
 * the manifest last, so a library of any size never needs to be in memory at once; `write`
 * receives the zip's bytes in order.
 */
export async function writeLibraryArchive(
  articles: AsyncIterable<ExportArticle> | Iterable<ExportArticle>,
  options: ArchiveOptions,
  write: (chunk: Uint8Array) => void,
): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else write(chunk);
  });
  const mtime = options.exportedAt;
  let count = 0;
  const entries: ArchiveEntry[] = [];
  for await (const { record, content, images } of articles) {
    const { revision: _revision, ...kept } = record;
    entries.push({
      record: kept,
      content: { html: content.html, text: content.text, imageUrls: content.imageUrls },
      images: images.map((image) => {
        const file = `images/${++count}.${IMAGE_EXTENSIONS[image.type] ?? 'bin'}`;
        // Images are already compressed: storing them saves time and nothing else.
        const entry = new ZipPassThrough(file);
        entry.mtime = mtime;
        zip.add(entry);
        entry.push(image.bytes, true);
        return { url: image.url, type: image.type, file };
      }),
    });
    if (failure) throw failure;
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    articles: entries,
  };
  const manifestEntry = new ZipDeflate(ARCHIVE_MANIFEST, { level: 6 });
  manifestEntry.mtime = mtime;
  zip.add(manifestEntry);
  manifestEntry.push(strToU8(JSON.stringify(manifest)), true);
  zip.end();
  if (failure) throw failure;
}

/** The archive in one piece (tests, benchmarks, small selections). */
export async function exportLibraryArchive(articles: ExportArticle[], options: ArchiveOptions): Promise<ExportFile> {
  const chunks: Uint8Array[] = [];
  await writeLibraryArchive(articles, options, (chunk) => chunks.push(chunk));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { fileName: `${options.baseName}.zip`, mimeType: 'application/zip', bytes };
}

export { strFromU8, unzipSync };
