/**
 * The whole library (or a selection) as one zip: `tidy-reader-library.json` with every article's
 * record and body, and each stored image as a file under `images/`, byte for byte. Importing it
 * gives back the same library: same ids, dates, tags, states, positions, bodies, image bytes and
 * highlights (every field). `highlights.jsonld` beside it holds the highlights as W3C Web
 * Annotations, for other tools (import reads the manifest only).
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { toAnnotationCollection, type WebAnnotationTarget } from '../../highlights/web-annotation';
import type { HighlightRecord } from '../../highlights/types';
import type { ArticleRecord } from '../../storage/types';
import { IMAGE_EXTENSIONS } from '../bytes';
import type { ExportArticle, ExportFile } from './types';

export const ARCHIVE_MANIFEST = 'tidy-reader-library.json';
export const ARCHIVE_ANNOTATIONS = 'highlights.jsonld';
export const ARCHIVE_FORMAT = 'tidy-reader-library';
export const ARCHIVE_VERSION = 1;

export interface ArchiveEntry {
  record: Omit<ArticleRecord, 'revision'>;
  content: { html: string; text: string; imageUrls: string[] };
  images: { url: string; type: string; file: string }[];
  /** Absent in archives made before highlights; read as none. */
  highlights?: HighlightRecord[];
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
  const annotations: { highlight: HighlightRecord; target: WebAnnotationTarget }[] = [];
  for await (const { record, content, images, highlights = [] } of articles) {
    const { revision: _revision, ...kept } = record;
    for (const highlight of highlights)
      annotations.push({ highlight, target: { url: record.url, title: record.title } });
    entries.push({
      record: kept,
      highlights,
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
  if (annotations.length > 0) {
    const annotationEntry = new ZipDeflate(ARCHIVE_ANNOTATIONS, { level: 6 });
    annotationEntry.mtime = mtime;
    zip.add(annotationEntry);
    annotationEntry.push(strToU8(JSON.stringify(toAnnotationCollection(annotations, 'Tidy Reader'), null, 2)), true);
  }
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
