/**
 * The article file on the server (`articles/<id>.json`), the reader's data: one article's content
 * version (immutable: a new save makes a new version), its reading state as last-writer-wins
 * registers, its tags as add/remove stamps, its annotations by id, and a deletion stamp. Every
 * stamp is a hybrid logical clock stamp (`hlc.ts`). Readers of version 1 ignore fields they do
 * not know.
 */
import { isPlainObject } from './canonical-json';
import { isStamp, type Stamp } from './hlc';

export const ARTICLE_FORMAT = 'tidy-reader.article';
export const ARTICLE_VERSION = 1;

/** A value and the stamp of the edit that set it. */
export interface Register<T> {
  value: T;
  at: Stamp;
}

export interface ReadingPositionValue {
  progress: number;
  block?: number;
}

/** An image of the body, stored once under `blobs/<sha256 of its bytes>`. */
export interface ImageRef {
  url: string;
  blob: string;
  type: string;
  size: number;
}

/** What a save of the page gave: replaced as a whole by a newer save, never edited in place. */
export interface ContentVersion {
  at: Stamp;
  /** sha256 of the canonical JSON of url, canonicalUrl, status, meta, html, text and imageUrls. */
  hash: string;
  url: string;
  canonicalUrl: string | null;
  urlKeys: string[];
  status: 'complete' | 'link';
  source: string;
  savedAt: number;
  /** Byline, site, dates, language, excerpt, lead image, counts: as the library keeps them. */
  meta: Record<string, unknown>;
  /** Sanitised HTML (left out of the copy a replica keeps locally, see `withoutBody`). */
  html: string;
  text: string;
  imageUrls: string[];
  images: ImageRef[];
}

export interface TagEntry {
  /** The tag as written (the key is its lower-case form). */
  name: string;
  added: Stamp | null;
  removed: Stamp | null;
}

/**
 * A highlight or note, merged by its id: the entry with the later stamp wins; a deleted one keeps
 * its id and stamp (record null) so that an older copy cannot bring it back.
 */
export interface AnnotationEntry {
  id: string;
  at: Stamp;
  record: Record<string, unknown> | null;
}

export interface ArticleFile {
  format: typeof ARTICLE_FORMAT;
  version: typeof ARTICLE_VERSION;
  id: string;
  /** Counts the writes of this file on the server; the manifest's `rev`. */
  rev: number;
  content: ContentVersion;
  title: Register<string>;
  read: Register<boolean>;
  archived: Register<boolean>;
  favorite: Register<boolean>;
  position: Register<ReadingPositionValue | null>;
  tags: Record<string, TagEntry>;
  annotations: AnnotationEntry[];
  /** The latest deletion; the article is deleted while no edit is later than it. */
  deleted: Stamp | null;
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Why a file from the server was not taken. */
export class ForeignFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ForeignFileError';
  }
}

function check(condition: unknown, path: string, detail: string): asserts condition {
  if (!condition) throw new ForeignFileError(path, detail);
}

const isRegister = (v: unknown, ok: (value: unknown) => boolean): boolean =>
  isPlainObject(v) && isStamp(v.at) && ok(v.value);

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isPosition(v: unknown): boolean {
  return (
    v === null ||
    (isPlainObject(v) &&
      typeof v.progress === 'number' &&
      v.progress >= 0 &&
      v.progress <= 1 &&
      (v.block === undefined || (typeof v.block === 'number' && Number.isInteger(v.block))))
  );
}

function checkContent(c: unknown, path: string): asserts c is ContentVersion {
  check(isPlainObject(c), path, 'no content');
  check(isStamp(c.at) && typeof c.hash === 'string' && /^[0-9a-f]{64}$/.test(c.hash), path, 'bad content version');
  check(typeof c.url === 'string' && /^https?:\/\//i.test(c.url), path, 'bad address');
  check(c.canonicalUrl === null || typeof c.canonicalUrl === 'string', path, 'bad canonical address');
  check(isStringArray(c.urlKeys) && isStringArray(c.imageUrls), path, 'bad lists');
  check(c.status === 'complete' || c.status === 'link', path, 'bad status');
  check(typeof c.source === 'string' && typeof c.savedAt === 'number', path, 'bad source');
  check(isPlainObject(c.meta), path, 'bad metadata');
  check(typeof c.html === 'string' && typeof c.text === 'string', path, 'bad body');
  check(
    Array.isArray(c.images) &&
      c.images.every(
        (i) =>
          isPlainObject(i) &&
          typeof i.url === 'string' &&
          typeof i.blob === 'string' &&
          /^[0-9a-f]{64}$/.test(i.blob) &&
          typeof i.type === 'string' &&
          typeof i.size === 'number',
      ),
    path,
    'bad images',
  );
}

/** Checks that `value` (parsed JSON read from `path`) is an article file of ours; throws `ForeignFileError`. */
export function parseArticleFile(value: unknown, path: string, expectedId?: string): ArticleFile {
  check(isPlainObject(value), path, 'not an object');
  check(value.format === ARTICLE_FORMAT, path, 'not a Tidy Reader article');
  check(value.version === ARTICLE_VERSION, path, `unknown version ${String(value.version)}`);
  check(typeof value.id === 'string' && ID_PATTERN.test(value.id), path, 'bad id');
  check(expectedId === undefined || value.id === expectedId, path, 'id does not match the file');
  check(typeof value.rev === 'number' && Number.isInteger(value.rev) && value.rev >= 0, path, 'bad rev');
  checkContent(value.content, path);
  check(
    isRegister(value.title, (v) => typeof v === 'string'),
    path,
    'bad title',
  );
  for (const key of ['read', 'archived', 'favorite'] as const) {
    check(
      isRegister(value[key], (v) => typeof v === 'boolean'),
      path,
      `bad ${key}`,
    );
  }
  check(isRegister(value.position, isPosition), path, 'bad position');
  check(isPlainObject(value.tags), path, 'bad tags');
  for (const [key, tag] of Object.entries(value.tags)) {
    check(
      isPlainObject(tag) &&
        typeof tag.name === 'string' &&
        tag.name.toLocaleLowerCase() === key &&
        (tag.added === null || isStamp(tag.added)) &&
        (tag.removed === null || isStamp(tag.removed)),
      path,
      'bad tag',
    );
  }
  check(
    Array.isArray(value.annotations) &&
      value.annotations.every(
        (a) =>
          isPlainObject(a) &&
          typeof a.id === 'string' &&
          ID_PATTERN.test(a.id) &&
          isStamp(a.at) &&
          (a.record === null || isPlainObject(a.record)),
      ),
    path,
    'bad annotations',
  );
  check(value.deleted === null || isStamp(value.deleted), path, 'bad deletion');
  return value as unknown as ArticleFile;
}

/** The copy a replica keeps locally of what it last synced: everything but the body. */
export function withoutBody(file: ArticleFile): ArticleFile {
  return { ...file, content: { ...file.content, html: '', text: '' } };
}
