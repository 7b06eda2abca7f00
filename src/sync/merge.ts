/**
 * Merging two copies of an article file. The merge is commutative, associative and idempotent
 * (a join of a semilattice), so replicas that have seen the same edits hold the same state
 * whatever order they saw them in — the property test in tests/unit/sync checks it.
 */
import type { AnnotationEntry, ArticleFile, ContentVersion, ImageRef, Register, TagEntry } from './article-file';
import { canonicalJson } from './canonical-json';
import { maxStamp, type Stamp } from './hlc';

/** The later register wins; equal stamps (never made by two replicas) fall back to the value. */
function laterRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return canonicalJson(a.value) >= canonicalJson(b.value) ? a : b;
}

/**
 * The images of one content version stored so far, by address: a set that only grows (images
 * fetched after the save, "Download missing text and images", join it), sorted by address. Two
 * copies of one image that differ (the site changed it between two downloads) keep the one with
 * the greater hash, so every replica keeps the same.
 */
export function unionImages(a: readonly ImageRef[], b: readonly ImageRef[]): ImageRef[] {
  const byUrl = new Map<string, ImageRef>();
  for (const ref of [...a, ...b]) {
    const seen = byUrl.get(ref.url);
    if (!seen || ref.blob > seen.blob) byUrl.set(ref.url, ref);
  }
  return [...byUrl.values()].sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0));
}

function laterContent(a: ContentVersion, b: ContentVersion): ContentVersion {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  if (a.hash !== b.hash) return a.hash > b.hash ? a : b;
  // The same version: one side may be a local copy without its body; its images are the union.
  const body = a.html.length + a.text.length >= b.html.length + b.text.length ? a : b;
  return { ...body, images: unionImages(a.images, b.images) };
}

const laterOf = (a: Stamp | null, b: Stamp | null): Stamp | null => (a === null ? b : b === null ? a : a > b ? a : b);

function mergeTag(a: TagEntry, b: TagEntry): TagEntry {
  const added = laterOf(a.added, b.added);
  // The spelling follows the latest add.
  const name = a.added === b.added ? (a.name >= b.name ? a.name : b.name) : added === a.added ? a.name : b.name;
  return { name, added, removed: laterOf(a.removed, b.removed) };
}

function mergeTags(a: Record<string, TagEntry>, b: Record<string, TagEntry>): Record<string, TagEntry> {
  const out: Record<string, TagEntry> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[key];
    const y = b[key];
    out[key] = x && y ? mergeTag(x, y) : (x ?? y)!;
  }
  return out;
}

function mergeAnnotations(a: AnnotationEntry[], b: AnnotationEntry[]): AnnotationEntry[] {
  const byId = new Map<string, AnnotationEntry>();
  for (const entry of [...a, ...b]) {
    const seen = byId.get(entry.id);
    if (!seen) byId.set(entry.id, entry);
    else byId.set(entry.id, laterRegister({ value: seen, at: seen.at }, { value: entry, at: entry.at }).value);
  }
  return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function mergeArticles(a: ArticleFile, b: ArticleFile): ArticleFile {
  if (a.id !== b.id) throw new Error(`Cannot merge ${a.id} with ${b.id}`);
  return {
    format: a.format,
    version: a.version,
    id: a.id,
    rev: Math.max(a.rev, b.rev),
    content: laterContent(a.content, b.content),
    title: laterRegister(a.title, b.title),
    read: laterRegister(a.read, b.read),
    archived: laterRegister(a.archived, b.archived),
    favorite: laterRegister(a.favorite, b.favorite),
    position: laterRegister(a.position, b.position),
    tags: mergeTags(a.tags, b.tags),
    annotations: mergeAnnotations(a.annotations, b.annotations),
    deleted: laterOf(a.deleted, b.deleted),
  };
}

/** The latest edit of the article (its deletion aside). */
export function latestEdit(file: ArticleFile): Stamp {
  return maxStamp(
    file.content.at,
    file.title.at,
    file.read.at,
    file.archived.at,
    file.favorite.at,
    file.position.at,
    ...Object.values(file.tags).flatMap((t) => [t.added, t.removed]),
    ...file.annotations.map((a) => a.at),
  );
}

/** The latest stamp in the file, deletion included: what a deletion must be later than. */
export function latestStamp(file: ArticleFile): Stamp {
  return maxStamp(latestEdit(file), file.deleted);
}

/** A deletion beats the edits older than it and loses to a newer one. */
export function isDeleted(file: ArticleFile): boolean {
  return file.deleted !== null && file.deleted > latestEdit(file);
}

/** The tags that are on: added later than removed. */
export function activeTags(file: ArticleFile): string[] {
  return Object.values(file.tags)
    .filter((t) => t.added !== null && (t.removed === null || t.added > t.removed))
    .map((t) => t.name)
    .sort((x, y) => x.localeCompare(y));
}

export function liveAnnotations(file: ArticleFile): Record<string, unknown>[] {
  return file.annotations.flatMap((a) => (a.record ? [a.record] : []));
}

/** The state that merging compares: everything but the write counter and the body. */
export function stateKey(file: ArticleFile): string {
  const { rev: _rev, content, ...rest } = file;
  const { html: _html, text: _text, ...version } = content;
  return canonicalJson({ ...rest, content: version });
}

/** Whether `a` already holds every edit of `b` (merging `b` in changes nothing). */
export function covers(a: ArticleFile, b: ArticleFile): boolean {
  return stateKey(mergeArticles(a, b)) === stateKey(a);
}
