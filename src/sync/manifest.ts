/**
 * `manifest.json`: what the folder holds, in one small file, so that a sync reads one file to
 * learn what changed. One entry per article: the count of writes of its file (`rev`), the hash of
 * the file's bytes as stored (`hash`), its latest stamp, and for a deleted article the stamp of its
 * deletion (a tombstone, purged with its file after `TOMBSTONE_RETENTION_MS`).
 */
import { ID_PATTERN, ForeignFileError } from './article-file';
import { isPlainObject } from './canonical-json';
import { isStamp, type Stamp } from './hlc';

export const MANIFEST_FORMAT = 'tidy-reader.manifest';
export const MANIFEST_VERSION = 1;
/** How long a deleted article's tombstone stays on the server: replicas offline longer than this
 * may bring the article back. */
export const TOMBSTONE_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

export interface ManifestEntry {
  rev: number;
  hash: string;
  at: Stamp;
  deleted?: Stamp;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  articles: Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, articles: {} };
}

function isEntry(value: unknown): value is ManifestEntry {
  return (
    isPlainObject(value) &&
    typeof value.rev === 'number' &&
    Number.isInteger(value.rev) &&
    value.rev > 0 &&
    typeof value.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.hash) &&
    isStamp(value.at) &&
    (value.deleted === undefined || isStamp(value.deleted))
  );
}

/**
 * Reads a manifest. An entry that is not one of ours is left out (and named in `skipped`); a file
 * that is not a manifest at all throws `ForeignFileError`.
 */
export function parseManifest(value: unknown, path: string): { manifest: Manifest; skipped: string[] } {
  if (!isPlainObject(value) || value.format !== MANIFEST_FORMAT || !isPlainObject(value.articles)) {
    throw new ForeignFileError(path, 'not a Tidy Reader manifest');
  }
  if (value.version !== MANIFEST_VERSION) throw new ForeignFileError(path, `unknown version ${String(value.version)}`);
  const manifest = emptyManifest();
  const skipped: string[] = [];
  for (const [id, entry] of Object.entries(value.articles)) {
    if (ID_PATTERN.test(id) && isEntry(entry)) manifest.articles[id] = entry;
    else skipped.push(id);
  }
  return { manifest, skipped };
}

/** The later of two entries for one article: the file written more times is the newer one. */
export function laterEntry(a: ManifestEntry, b: ManifestEntry): ManifestEntry {
  if (a.rev !== b.rev) return a.rev > b.rev ? a : b;
  return a.hash >= b.hash ? a : b;
}

export function mergeManifests(a: Manifest, b: Manifest): Manifest {
  const out = emptyManifest();
  for (const id of new Set([...Object.keys(a.articles), ...Object.keys(b.articles)])) {
    const x = a.articles[id];
    const y = b.articles[id];
    out.articles[id] = x && y ? laterEntry(x, y) : (x ?? y)!;
  }
  return out;
}

export function sameEntry(a: ManifestEntry | undefined, b: ManifestEntry | undefined): boolean {
  return !!a && !!b && a.rev === b.rev && a.hash === b.hash;
}
