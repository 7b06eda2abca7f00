/**
 * One sync of the local library with the folder: read the manifest (one request when nothing
 * changed), then for each article that changed on either side read its file, merge, write it
 * back if the merge holds something the server lacks (conditionally: a 412 re-reads, merges and
 * tries again), and bring the library in step; last, write the manifest's changed entries the
 * same way. No lock: every write is conditional, and the merge makes retries harmless.
 */
import { ForeignFileError, withoutBody, type ArticleFile } from './article-file';
import { sha256Hex } from './canonical-json';
import type { ReadFile, RemoteFolder } from './folder';
import { createClock, wallOf, type Clock } from './hlc';
import { contentHash, stampDeleted, stampLocal, type LocalArticle, type LocalContent } from './local-edits';
import { laterEntry, sameEntry, TOMBSTONE_RETENTION_MS, type Manifest, type ManifestEntry } from './manifest';
import { covers, isDeleted, latestStamp, mergeArticles, stateKey } from './merge';
import type { LocalLibrary, Shadow, SyncRecords } from './replica';
import { ConflictError } from './webdav';

export interface SyncOptions {
  folder: RemoteFolder;
  library: LocalLibrary;
  records: SyncRecords;
  /** This replica's id in clock stamps. */
  node: string;
  now?: () => number;
  /** Articles synced at once. */
  concurrency?: number;
  /** Tries of one conditional write before the sync gives up (and the next one goes on). */
  maxAttempts?: number;
  /** Waits between tries after a 412 (tests pass a shorter one). */
  backoffMs?: number;
  retentionMs?: number;
}

export interface SyncReport {
  /** Articles written to the server. */
  uploaded: number;
  /** Articles the library took from the server (added, changed or deleted). */
  applied: number;
  /** Files on the server that were not taken, each with why. */
  skipped: string[];
  /** Local articles written during the sync: they go next time. */
  deferred: number;
  /** Deleted articles whose tombstones were purged. */
  purged: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, `limit` at a time; the first failure stops it and is thrown. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Apache sends weak ETags (`W/"…"`) for files written within the last second, and `If-Match`
 * compares strongly: the strong form matches once that second has passed.
 */
const strong = (etag: string | null) => (etag?.startsWith('W/') ? etag.slice(2) : etag);
const WEAK_ETAG_WAIT_MS = 1100;

/** How long to wait before trying a conditional write again. */
function retryDelay(attempt: number, backoffMs: number, etag: string | null): number {
  const backoff = backoffMs * 2 ** (attempt - 1);
  return etag?.startsWith('W/') ? Math.max(backoff, WEAK_ETAG_WAIT_MS) : backoff;
}

const entryOf = (file: ArticleFile, rev: number, hash: string): ManifestEntry => ({
  rev,
  hash,
  at: latestStamp(file),
  ...(isDeleted(file) && file.deleted ? { deleted: file.deleted } : {}),
});

export async function syncOnce(options: SyncOptions): Promise<SyncReport> {
  const { folder, library, records } = options;
  const now = options.now ?? Date.now;
  const clock: Clock = createClock(options.node, now);
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 100;
  const report: SyncReport = { uploaded: 0, applied: 0, skipped: [], deferred: 0, purged: 0 };

  const cursor = await records.cursor();
  const read = await folder.readManifest(cursor.manifest ? cursor.manifestEtag : null);
  let manifest: Manifest;
  let manifestEtag: string | null;
  if (read === 'unchanged') {
    manifest = cursor.manifest!;
    manifestEtag = cursor.manifestEtag;
  } else {
    manifest = read.value;
    manifestEtag = read.etag;
    report.skipped.push(...read.skipped.map((id) => `manifest entry ${id}: not one of ours`));
  }

  const startRevision = await library.revision();
  const changed = new Map((await library.changedSince(cursor.libraryRevision)).map((a) => [a.id, a]));
  const shadows = await records.shadows();
  const present = await library.ids();

  const work = new Set<string>();
  for (const id of changed.keys()) work.add(id);
  for (const [id, shadow] of shadows) {
    const entry = manifest.articles[id];
    const isGoneHere = !present.has(id) && !isDeleted(shadow.file);
    const serverMoved = shadow.server ? !sameEntry(entry, { ...shadow.server, at: '' }) : !!entry;
    if (isGoneHere || serverMoved) work.add(id);
  }
  for (const id of Object.keys(manifest.articles)) if (!shadows.has(id)) work.add(id);

  const ignored = cursor.ignored ?? {};
  const nextIgnored: Record<string, string> = {};
  /** Revisions the sync's own writes to the library made: not changes to send next time. */
  const own = new Set<number>();
  const upserts = new Map<string, ManifestEntry>();
  const purges = new Set<string>();

  async function hashImages(id: string, content: LocalContent): Promise<ArticleFile['content']['images']> {
    const refs: ArticleFile['content']['images'] = [];
    for (const url of content.imageUrls) {
      const image = await library.image(id, url);
      if (image) refs.push({ url, blob: await sha256Hex(image.bytes), type: image.type, size: image.bytes.length });
    }
    return refs;
  }

  /** The body of the merged file when it is the library's content version. */
  async function withLocalBody(file: ArticleFile, local: LocalArticle | null): Promise<ArticleFile> {
    if (file.content.html || file.content.text) return file;
    const source = local ?? (await library.get(file.id));
    if (!source || (await contentHash(source.content)) !== file.content.hash) return file;
    return { ...file, content: { ...file.content, html: source.content.html, text: source.content.text } };
  }

  async function uploadImages(file: ArticleFile): Promise<void> {
    for (const ref of file.content.images) {
      const image = await library.image(file.id, ref.url);
      if (image && (await sha256Hex(image.bytes)) === ref.blob) await folder.writeBlob(ref.blob, image.bytes);
    }
  }

  async function downloadImages(file: ArticleFile): Promise<Map<string, Blob>> {
    const images = new Map<string, Blob>();
    for (const ref of file.content.images) {
      try {
        const bytes = await folder.readBlob(ref.blob);
        if (bytes) images.set(ref.url, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: ref.type }));
      } catch (error) {
        if (!(error instanceof ForeignFileError)) throw error;
        report.skipped.push(error.message);
      }
    }
    return images;
  }

  async function syncArticle(id: string): Promise<void> {
    const shadow: Shadow | undefined = shadows.get(id);
    const entry = manifest.articles[id];
    const base = shadow?.file ?? null;
    const local = changed.get(id) ?? (present.has(id) ? await library.get(id) : null);
    // Stamped against the last synced copy: what the library holds, or its deletion.
    const isEdited = !!local && (changed.has(id) || !base);
    let mine: ArticleFile | null = base;
    if (local && isEdited) mine = await stampLocal(base, local, clock, now(), (c) => hashImages(id, c));
    else if (!local && base && !isDeleted(base)) mine = stampDeleted(base, clock, now());
    const hasNews = !!mine && (!base || stateKey(mine) !== stateKey(base));

    let server = shadow?.server ?? null;
    // Read the file unless the manifest lists the version this replica last read or wrote (and a
    // write needs its ETag).
    // A new article the manifest does not list is created without a read (a 412 reads it).
    let mustRead = server ? !sameEntry(entry, { ...server, at: '' }) || (hasNews && !server.etag) : !!entry;
    if (!hasNews && !mustRead) return;
    if (!hasNews && entry && ignored[id] === entry.hash) {
      nextIgnored[id] = entry.hash;
      return;
    }

    for (let attempt = 1; ; attempt++) {
      let remote: ReadFile<ArticleFile> | null = null;
      let isCorrupt = false;
      if (mustRead) {
        try {
          remote = await folder.readArticle(id);
        } catch (error) {
          if (!(error instanceof ForeignFileError)) throw error;
          isCorrupt = true;
          if (!mine) {
            // Nothing of ours to put in its place: left as it is, and not read again until it changes.
            report.skipped.push(error.message);
            if (entry) nextIgnored[id] = entry.hash;
            return;
          }
          report.skipped.push(`${error.message} (replaced with this device's copy)`);
        }
        if (!remote && !isCorrupt && server && !entry && !hasNews) {
          // The file and its entry are gone: a tombstone was purged after its retention time.
          if (local) await library.remove(id, local.revision);
          await records.deleteShadow(id);
          return;
        }
      }
      let merged = remote && mine ? mergeArticles(remote.value, mine) : (remote?.value ?? mine!);
      merged = await withLocalBody(merged, local);
      const known =
        remote ?? (server && !mustRead && base ? { value: base, etag: server.etag, hash: server.hash } : null);
      if (!known || isCorrupt || !covers(known.value, merged)) {
        const rev = Math.max(remote?.value.rev ?? 0, server?.rev ?? 0) + 1;
        const file = { ...merged, rev };
        if (!remote || remote.value.content.at !== file.content.at) await uploadImages(file);
        try {
          const condition = isCorrupt ? 'overwrite' : strong(known?.etag ?? null);
          const written = await folder.writeArticle(file, condition);
          server = { rev, hash: written.hash, etag: written.etag };
          merged = file;
          report.uploaded++;
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= maxAttempts) throw error;
          mustRead = true;
          await sleep(retryDelay(attempt, backoffMs, known?.etag ?? null));
          continue;
        }
      } else if (remote) {
        server = { rev: remote.value.rev, hash: remote.hash, etag: remote.etag };
      }
      if (server) upserts.set(id, entryOf(merged, server.rev, server.hash));

      // Bring the library in step with the merge.
      const holds = isEdited ? mine : base;
      let isApplied: boolean | null = null;
      if (isDeleted(merged)) {
        if (local) isApplied = await library.remove(id, local.revision);
      } else if (!local || !holds || stateKey(holds) !== stateKey(merged)) {
        const isNewContent = !local || (await contentHash(local.content)) !== merged.content.hash;
        const images = isNewContent ? await downloadImages(merged) : null;
        const revision = await library.apply(merged, images, local?.revision ?? null);
        if (revision !== false) own.add(revision);
        isApplied = revision !== false;
      }
      if (isApplied === true) report.applied++;
      if (isApplied === false) {
        // Written here during the sync: merged next time, against the copy synced before.
        report.deferred++;
        return;
      }
      await records.putShadow({ id, file: withoutBody(merged), server });
      return;
    }
  }

  await eachLimited([...work], options.concurrency ?? 4, syncArticle);

  // Tombstones past their time go, with their files.
  const retention = options.retentionMs ?? TOMBSTONE_RETENTION_MS;
  for (const [id, entry] of Object.entries(manifest.articles)) {
    if (entry.deleted && wallOf(entry.deleted) < now() - retention && !upserts.has(id)) {
      await folder.deleteArticle(id);
      await records.deleteShadow(id);
      purges.add(id);
    }
  }
  report.purged = purges.size;

  const isNews = [...upserts].some(([id, e]) => !sameEntry(manifest.articles[id], e)) || purges.size > 0;
  if (isNews) {
    for (let attempt = 1; ; attempt++) {
      const next: Manifest = { ...manifest, articles: { ...manifest.articles } };
      for (const [id, e] of upserts) {
        const current = next.articles[id];
        next.articles[id] = current ? laterEntry(current, e) : e;
      }
      for (const id of purges) {
        if (next.articles[id]?.deleted) delete next.articles[id];
      }
      try {
        const written = await folder.writeManifest(next, strong(manifestEtag));
        manifest = next;
        manifestEtag = written.etag;
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= maxAttempts) throw error;
        await sleep(retryDelay(attempt, backoffMs, manifestEtag));
        const fresh = await folder.readManifest(null);
        if (fresh === 'unchanged') continue;
        manifest = fresh.value;
        manifestEtag = fresh.etag;
      }
    }
  }

  // The library's changes are synced up to now, unless someone wrote to it during the sync.
  const since = await library.revisionsSince(startRevision);
  const isAllOwn = since.every((r) => own.has(r));
  const libraryRevision = isAllOwn ? Math.max(startRevision, ...since) : startRevision;
  await records.setCursor({ libraryRevision, manifest, manifestEtag, ignored: nextIgnored });
  return report;
}
