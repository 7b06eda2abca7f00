/** Reads a library archive written by `exportLibraryArchive`, checking every field it relies on. */
import { PAGE_TYPES } from '../../extract/types';
import { badHighlightField } from '../../highlights/types';
import type { ArticleRecord } from '../../storage/types';
import { ARCHIVE_FORMAT, ARCHIVE_MANIFEST, ARCHIVE_VERSION, type ArchiveEntry } from '../export/library-archive';
import { ImportFileError, isWebUrl, type ImportDraft } from './types';

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const strArray: Check = (v) => Array.isArray(v) && v.every(str);
const obj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const RECORD_FIELDS: Record<keyof Omit<ArticleRecord, 'revision'>, Check> = {
  id: str,
  url: isWebUrl,
  canonicalUrl: orNull(isWebUrl),
  urlKeys: strArray,
  host: str,
  title: str,
  byline: orNull(str),
  siteName: orNull(str),
  publishedTime: orNull(str),
  lang: orNull(str),
  dir: (v) => v === null || v === 'ltr' || v === 'rtl',
  excerpt: orNull(str),
  leadImage: orNull((v) => obj(v) && str((v as { src: unknown }).src) && str((v as { alt: unknown }).alt)),
  wordCount: num,
  readingMinutes: num,
  removed: orNull(obj),
  pageType: (v) => v === undefined || (PAGE_TYPES as readonly unknown[]).includes(v),
  status: (v) => v === 'complete' || v === 'link',
  source: (v) => ['page', 'link', 'pocket', 'omnivore', 'archive'].includes(v as string),
  savedAt: num,
  updatedAt: num,
  tags: strArray,
  isRead: bool,
  isArchived: bool,
  isFavorite: bool,
  position: orNull((v) => obj(v) && num((v as { progress: unknown }).progress)),
  images: (v) => obj(v) && num((v as { total: unknown }).total) && num((v as { stored: unknown }).stored),
};

function checkEntry(entry: unknown, index: number): ArchiveEntry {
  const number = String(index + 1);
  const fail = (field?: string) => {
    throw field === undefined
      ? new ImportFileError('archive-article', [number])
      : new ImportFileError('archive-field', [number, field]);
  };
  if (!obj(entry)) fail();
  const { record, content, images } = entry as ArchiveEntry;
  if (!obj(record)) fail();
  for (const [field, check] of Object.entries(RECORD_FIELDS)) {
    if (!check((record as unknown as Record<string, unknown>)[field])) fail(field);
  }
  if (!obj(content) || !str(content.html) || !str(content.text) || !strArray(content.imageUrls)) fail('content');
  if (!Array.isArray(images) || !images.every((i) => obj(i) && str(i.url) && str(i.type) && str(i.file))) {
    fail('images');
  }
  const { highlights } = entry as ArchiveEntry;
  if (highlights !== undefined) {
    if (!Array.isArray(highlights)) fail('highlights');
    for (const h of highlights ?? []) {
      const bad = badHighlightField(h);
      if (bad !== null) fail(`highlights.${bad}`);
      if (h.articleId !== record.id) fail('highlights.articleId');
    }
  }
  return entry as ArchiveEntry;
}

export function parseLibraryArchive(files: Record<string, Uint8Array>): ImportDraft[] {
  const manifestBytes = files[ARCHIVE_MANIFEST];
  if (!manifestBytes) throw new ImportFileError('not-an-archive');
  let manifest: { format?: unknown; version?: unknown; articles?: unknown };
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as typeof manifest;
  } catch {
    throw new ImportFileError('archive-unreadable');
  }
  if (manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.articles)) {
    throw new ImportFileError('not-an-archive');
  }
  if (typeof manifest.version !== 'number' || manifest.version > ARCHIVE_VERSION) {
    throw new ImportFileError('archive-newer');
  }
  return manifest.articles.map((raw, index) => {
    const { record, content, images, highlights = [] } = checkEntry(raw, index);
    return {
      id: record.id,
      url: record.url,
      canonicalUrl: record.canonicalUrl,
      urlKeys: record.urlKeys,
      fields: {
        title: record.title,
        byline: record.byline,
        siteName: record.siteName,
        publishedTime: record.publishedTime,
        lang: record.lang,
        dir: record.dir,
        excerpt: record.excerpt,
        leadImage: record.leadImage,
        wordCount: record.wordCount,
        readingMinutes: record.readingMinutes,
        removed: record.removed,
        ...(record.pageType ? { pageType: record.pageType } : {}),
      },
      status: record.status,
      source: record.source,
      html: content.html,
      text: content.text,
      highlights,
      imageUrls: content.imageUrls,
      images: images.map((image) => {
        const bytes = files[image.file];
        if (!bytes) throw new ImportFileError('archive-image', [image.file]);
        return { url: image.url, type: image.type, bytes };
      }),
      state: {
        savedAt: record.savedAt,
        updatedAt: record.updatedAt,
        tags: record.tags,
        isRead: record.isRead,
        isArchived: record.isArchived,
        isFavorite: record.isFavorite,
        position: record.position,
      },
    };
  });
}
