/**
 * The whole library (or a selection) as one zip: `tidy-reader-library.json` with every article's
 * record and body, and each stored image as a file under `images/`, byte for byte. Importing it
 * gives back the same library: same ids, dates, tags, states, positions, bodies and image bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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

export function exportLibraryArchive(
  articles: ExportArticle[],
  options: { exportedAt: Date; baseName: string },
): ExportFile {
  const files: Zippable = {};
  let count = 0;
  const entries = articles.map(({ record, content, images }): ArchiveEntry => {
    const { revision: _revision, ...kept } = record;
    return {
      record: kept,
      content: { html: content.html, text: content.text, imageUrls: content.imageUrls },
      images: images.map((image) => {
        const file = `images/${++count}.${IMAGE_EXTENSIONS[image.type] ?? 'bin'}`;
        // Images are already compressed: storing them saves time and nothing else.
        files[file] = [image.bytes, { level: 0 }];
        return { url: image.url, type: image.type, file };
      }),
    };
  });
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: options.exportedAt.toISOString(),
    articles: entries,
  };
  files[ARCHIVE_MANIFEST] = strToU8(JSON.stringify(manifest));
  return {
    fileName: `${options.baseName}.zip`,
    mimeType: 'application/zip',
    bytes: zipSync(files, { level: 6, mtime: options.exportedAt }),
  };
}

export { strFromU8, unzipSync };
