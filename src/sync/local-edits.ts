/**
 * Turning what the local library holds into stamped edits. The library does not stamp its writes:
 * the sync compares each changed article with the copy it last synced (its "base") and stamps what
 * differs, at the time the library says the article was edited. So the library's own code stays
 * as it is, and an edit made offline still compares by when it was made.
 */
import {
  ARTICLE_FORMAT,
  ARTICLE_VERSION,
  type AnnotationEntry,
  type ArticleFile,
  type ContentVersion,
  type ReadingPositionValue,
  type Register,
  type TagEntry,
} from './article-file';
import { canonicalJson, sha256Hex } from './canonical-json';
import { ZERO_STAMP, type Clock } from './hlc';
import { isDeleted, latestStamp, unionImages } from './merge';

/** A content version as the library holds it, before it is stamped and its images hashed. */
export type LocalContent = Omit<ContentVersion, 'at' | 'hash' | 'images'>;

/** One article as the local library holds it now. */
export interface LocalArticle {
  id: string;
  /** The library's change counter at its last write: a write during a sync is noticed. */
  revision: number;
  /** When its state was last edited (epoch ms); reading position changes excepted. */
  editedAt: number;
  title: string;
  isRead: boolean;
  isArchived: boolean;
  isFavorite: boolean;
  position: ReadingPositionValue | null;
  tags: string[];
  content: LocalContent;
  /**
   * Its annotations (highlights and notes), each with an `id` and an `updated` (or `updatedAt`)
   * time; a deleted one is dated by `editedAt`. Absent: the synced ones are kept as they are.
   */
  annotations?: Record<string, unknown>[];
}

/** The hash that tells content versions apart (its images are named by the HTML's addresses). */
export function contentHash(content: LocalContent): Promise<string> {
  const { url, canonicalUrl, status, meta, html, text, imageUrls } = content;
  return sha256Hex(canonicalJson({ url, canonicalUrl, status, meta, html, text, imageUrls }));
}

function register<T>(base: Register<T> | undefined, value: T, clock: Clock, at: number): Register<T> {
  if (base && canonicalJson(base.value) === canonicalJson(value)) return base;
  return { value, at: clock.stamp(base?.at ?? ZERO_STAMP, at) };
}

function stampTags(base: Record<string, TagEntry>, tags: string[], clock: Clock, at: number) {
  const out: Record<string, TagEntry> = { ...base };
  const wanted = new Map(tags.map((t) => [t.toLocaleLowerCase(), t]));
  for (const [key, name] of wanted) {
    const entry = base[key];
    const isOn = entry?.added != null && (entry.removed === null || entry.added > entry.removed);
    if (isOn && entry.name === name) continue;
    const after = entry ? (entry.added ?? entry.removed ?? ZERO_STAMP) : ZERO_STAMP;
    const latest = entry?.removed && entry.removed > after ? entry.removed : after;
    out[key] = { name, added: clock.stamp(latest, at), removed: entry?.removed ?? null };
  }
  for (const [key, entry] of Object.entries(base)) {
    const isOn = entry.added !== null && (entry.removed === null || entry.added > entry.removed);
    if (isOn && !wanted.has(key)) out[key] = { ...entry, removed: clock.stamp(entry.added ?? ZERO_STAMP, at) };
  }
  return out;
}

function annotationTime(record: Record<string, unknown>, fallback: number): number {
  const updated = record.updated ?? record.updatedAt;
  return typeof updated === 'number' && Number.isFinite(updated) ? updated : fallback;
}

function stampAnnotations(
  base: AnnotationEntry[],
  records: Record<string, unknown>[] | undefined,
  clock: Clock,
  editedAt: number,
): AnnotationEntry[] {
  if (!records) return base;
  const byId = new Map(base.map((a) => [a.id, a]));
  const out: AnnotationEntry[] = [];
  const present = new Set<string>();
  for (const record of records) {
    if (typeof record.id !== 'string') continue;
    present.add(record.id);
    const entry = byId.get(record.id);
    if (entry?.record && canonicalJson(entry.record) === canonicalJson(record)) out.push(entry);
    else out.push({ id: record.id, at: clock.stamp(entry?.at, annotationTime(record, editedAt)), record });
  }
  for (const entry of base) {
    if (present.has(entry.id)) continue;
    out.push(entry.record === null ? entry : { id: entry.id, at: clock.stamp(entry.at, editedAt), record: null });
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * The article file that says what the library holds, stamped against `base` (the copy last
 * synced, or null for an article the server has not seen): unchanged values keep their stamps.
 * `images` hashes the stored images of the content version, except those at the addresses in
 * `known` (the ones the base lists already): all of a new version's, and for the same version the
 * images stored since (downloaded later), which join its set.
 */
export async function stampLocal(
  base: ArticleFile | null,
  local: LocalArticle,
  clock: Clock,
  now: number,
  images: (content: LocalContent, known: ReadonlySet<string>) => Promise<ContentVersion['images']>,
): Promise<ArticleFile> {
  const at = Math.min(local.editedAt, now);
  // The library holds an article the base says is deleted: it was put back here (undo), which is
  // an edit later than the deletion.
  const restoredAfter = base && isDeleted(base) ? base.deleted : null;
  const hash = await contentHash(local.content);
  const isSameVersion = !!base && base.content.hash === hash;
  const known = new Set(isSameVersion ? base.content.images.map((i) => i.url) : []);
  const stored = await images(local.content, known);
  const content: ContentVersion = isSameVersion
    ? {
        ...base.content,
        html: local.content.html,
        text: local.content.text,
        images: stored.length > 0 ? unionImages(base.content.images, stored) : base.content.images,
      }
    : {
        ...local.content,
        at: clock.stamp(base ? latestStamp(base) : ZERO_STAMP, at),
        hash,
        images: unionImages([], stored),
      };
  return {
    format: ARTICLE_FORMAT,
    version: ARTICLE_VERSION,
    id: local.id,
    rev: base?.rev ?? 0,
    content,
    title: restoredAfter
      ? { value: local.title, at: clock.stamp(restoredAfter, now) }
      : register(base?.title, local.title, clock, at),
    read: register(base?.read, local.isRead, clock, at),
    archived: register(base?.archived, local.isArchived, clock, at),
    favorite: register(base?.favorite, local.isFavorite, clock, at),
    // Reading position moves do not touch `editedAt`: they are stamped when seen.
    position: register(base?.position, local.position, clock, now),
    tags: stampTags(base?.tags ?? {}, local.tags, clock, at),
    annotations: stampAnnotations(base?.annotations ?? [], local.annotations, clock, at),
    deleted: base?.deleted ?? null,
  };
}

/** The base with a deletion stamped after everything it holds. */
export function stampDeleted(base: ArticleFile, clock: Clock, now: number): ArticleFile {
  return { ...base, deleted: clock.stamp(latestStamp(base), now) };
}
