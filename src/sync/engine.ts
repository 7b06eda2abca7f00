/**
 * One sync of the local library with the folder: read the manifest (one request when nothing
 * changed), then for each article that changed on either side read its file, merge, write it
 * back if the merge holds something the server lacks (conditionally: a 412 re-reads, merges and
 * tries again), and bring the library in step; last, write the manifest's changed entries the
 * same way. No lock: every write is conditional, and the merge makes retries harmless.
 */
import { ForeignFileError, withoutBody, type AnnotationEntry, type ArticleFile } from './article-file';
import { canonicalJson, sha256Hex } from './canonical-json';
import { blobName, type ReadFile, type RemoteFolder } from './folder';
import { createClock, wallOf, type Clock } from './hlc';
import { contentHash, stampDeleted, stampLocal, type LocalArticle, type LocalContent } from './local-edits';
import { laterEntry, sameEntry, TOMBSTONE_RETENTION_MS, type Manifest, type ManifestEntry } from './manifest';
import { covers, isDeleted, latestStamp, mergeArticles, stateKey } from './merge';
import type { ImagesUpdate, LocalLibrary, Shadow, SyncRecords } from './replica';
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
  /**
   * How old (by the server's clock) an image no article uses must be before it is deleted: a
   * device that is writing an article with it has just written it.
   */
  blobGraceMs?: number;
}

/** An image no article uses is deleted a day after it was last written. */
export const BLOB_GRACE_MS = 24 * 60 * 60 * 1000;

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
  /** Articles merged into another one saved from the same address (on another device). */
  merged: number;
  /** Images deleted from the server because no article uses them any more. */
  blobsDeleted: number;
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

/** The article's file under another id: an entry of the same address merged into it. */
function rekeyed(file: ArticleFile, id: string): ArticleFile {
  const annotations = file.annotations.map((a): AnnotationEntry =>
    a.record && 'articleId' in a.record ? { ...a, record: { ...a.record, articleId: id } } : a,
  );
  return { ...file, id, rev: 0, annotations };
}

/**
 * Groups of live articles saved from the same address (sharing a URL key, transitively), each
 * sorted by id: the first id is the one that stays, on every device alike.
 */
export function duplicateGroups(files: Iterable<ArticleFile>): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const byKey = new Map<string, string>();
  for (const file of files) {
    if (isDeleted(file)) continue;
    parent.set(file.id, parent.get(file.id) ?? file.id);
    for (const key of file.content.urlKeys) {
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, file.id);
      else {
        const [x, y] = [find(other), find(file.id)];
        if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
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
  const report: SyncReport = {
    uploaded: 0,
    applied: 0,
    skipped: [],
    deferred: 0,
    purged: 0,
    merged: 0,
    blobsDeleted: 0,
  };

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
  /** Articles whose library entry and shadow hold the same state after the first pass. */
  const settled = new Set<string>();
  const deferred = new Set<string>();
  /**
   * Articles written by two devices with the same revision at once (seen when the manifest's entry
   * of another write has the same revision and another hash): read and written again next time.
   */
  const recheck = new Set(cursor.recheck ?? []);
  const nextRecheck = new Set<string>();
  for (const id of recheck) work.add(id);
  /** Images written to the server during this sync. */
  const blobsWritten = new Set<string>();

  /** The stored images of a content version, those at the `known` addresses left out. */
  async function hashImages(
    id: string,
    content: LocalContent,
    known: ReadonlySet<string>,
  ): Promise<ArticleFile['content']['images']> {
    const refs: ArticleFile['content']['images'] = [];
    for (const url of content.imageUrls) {
      if (known.has(url)) continue;
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

  /** Writes the file's images, but those `onServer` (by hash) lists. */
  async function uploadImages(file: ArticleFile, onServer: ReadonlySet<string>): Promise<void> {
    for (const ref of file.content.images) {
      // Written once per sync, whichever articles (and retries) use it.
      if (onServer.has(ref.blob) || blobsWritten.has(ref.blob)) continue;
      const image = await library.image(file.id, ref.url);
      if (image && (await sha256Hex(image.bytes)) === ref.blob) {
        await folder.writeBlob(ref.blob, image.bytes);
        blobsWritten.add(ref.blob);
      }
    }
  }

  /** The file's images, those at the addresses `have` lists left out. */
  async function downloadImages(file: ArticleFile, have: ReadonlySet<string>): Promise<Map<string, Blob>> {
    const images = new Map<string, Blob>();
    for (const ref of file.content.images) {
      if (have.has(ref.url)) continue;
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

  /**
   * Syncs one article. After the first pass (`again`), the library holds what the pass synced;
   * `extra` is merged in (the entries of the same address), or `remove` deletes the article
   * (merged into another).
   */
  async function syncArticle(
    id: string,
    again: { extra?: ArticleFile; remove?: boolean; local: LocalArticle | null } | null = null,
  ): Promise<void> {
    const shadow: Shadow | undefined = shadows.get(id);
    const entry = upserts.get(id) ?? manifest.articles[id];
    const base = shadow?.file ?? null;
    const local = again ? again.local : (changed.get(id) ?? (present.has(id) ? await library.get(id) : null));
    // Stamped against the last synced copy: what the library holds, or its deletion.
    const isEdited = !again && !!local && (changed.has(id) || !base);
    let mine: ArticleFile | null = base;
    if (local && isEdited) mine = await stampLocal(base, local, clock, now(), (c, known) => hashImages(id, c, known));
    else if (!local && base && !isDeleted(base)) mine = stampDeleted(base, clock, now());
    if (again?.extra) mine = mine ? mergeArticles(mine, again.extra) : again.extra;
    if (again?.remove && mine && !isDeleted(mine)) mine = stampDeleted(mine, clock, now());
    const hasNews = !!mine && (!base || stateKey(mine) !== stateKey(base));

    let server = shadow?.server ?? null;
    // Read the file unless the manifest lists the version this replica last read or wrote (and a
    // write needs its ETag).
    // A new article the manifest does not list is created without a read (a 412 reads it).
    const isRecheck = recheck.has(id);
    let mustRead =
      isRecheck || (server ? !sameEntry(entry, { ...server, at: '' }) || (hasNews && !server.etag) : !!entry);
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
          shadows.delete(id);
          return;
        }
      }
      let merged = remote && mine ? mergeArticles(remote.value, mine) : (remote?.value ?? mine!);
      merged = await withLocalBody(merged, local);
      const known =
        remote ?? (server && !mustRead && base ? { value: base, etag: server.etag, hash: server.hash } : null);
      // Two writes of the same revision (a server that let both conditional writes through, see
      // `recheck`): written again with the next revision, so that the device whose write was
      // lost sees the entry move, reads the file and writes its edits back.
      const isCollision =
        isRecheck || (!!remote && !!entry && remote.value.rev === entry.rev && remote.hash !== entry.hash);
      if (!known || isCorrupt || isCollision || !covers(known.value, merged)) {
        const rev = Math.max(remote?.value.rev ?? 0, server?.rev ?? 0) + 1;
        const file = { ...merged, rev };
        // The images the server's copy of this content version lists are there already.
        const onServer =
          known && known.value.content.hash === file.content.hash
            ? new Set(known.value.content.images.map((i) => i.blob))
            : new Set<string>();
        await uploadImages(file, onServer);
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
        let images: ImagesUpdate | null = null;
        if (isNewContent) images = { replace: true, byUrl: await downloadImages(merged, new Set()) };
        else {
          // Images stored on another device since the save join the ones stored here.
          const have = new Set<string>();
          for (const ref of merged.content.images) if (await library.image(id, ref.url)) have.add(ref.url);
          if (have.size < merged.content.images.length) {
            const added = await downloadImages(merged, have);
            if (added.size > 0) images = { replace: false, byUrl: added };
          }
        }
        const revision = await library.apply(merged, images, local?.revision ?? null);
        if (revision !== false) own.add(revision);
        isApplied = revision !== false;
      }
      if (isApplied === true) report.applied++;
      if (isApplied === false) {
        // Written here during the sync: merged next time, against the copy synced before.
        report.deferred++;
        deferred.add(id);
        return;
      }
      const synced: Shadow = { id, file: withoutBody(merged), server };
      await records.putShadow(synced);
      shadows.set(id, synced);
      settled.add(id);
      return;
    }
  }

  await eachLimited([...work], options.concurrency ?? 4, (id) => syncArticle(id));

  // One library entry per address: the same page saved on two devices before they synced makes
  // two articles; the one with the smaller id takes the other's edits, and the other is deleted.
  // Every device picks the same one, and the merge is the same join as any other.
  await mergeDuplicates();

  async function mergeDuplicates(): Promise<void> {
    const live = [...shadows.values()].filter((s) => s.server !== null && !deferred.has(s.id)).map((s) => s.file);
    const ids = await library.ids();
    for (const group of duplicateGroups(live)) {
      // Only articles this library holds as synced (an edit made here during the sync waits).
      const locals = new Map<string, LocalArticle>();
      for (const id of group) {
        const local = ids.has(id) ? await library.get(id) : null;
        if (!local || (local.revision > startRevision && !own.has(local.revision))) break;
        locals.set(id, local);
      }
      if (locals.size !== group.length) continue;
      const [keep, ...others] = group as [string, ...string[]];
      let extra: ArticleFile | null = null;
      for (const id of others) {
        const file = await fullFile(id, locals.get(id)!);
        if (!file) break;
        extra = extra ? mergeArticles(extra, rekeyed(file, keep)) : rekeyed(file, keep);
      }
      if (!extra) continue;
      await syncArticle(keep, { extra, local: locals.get(keep)! });
      if (!settled.has(keep) || deferred.has(keep)) continue;
      for (const id of others) await syncArticle(id, { remove: true, local: locals.get(id)! });
      report.merged += others.length;
    }
  }

  /** The synced copy of an article with its body: from the library, or else from the server. */
  async function fullFile(id: string, local: LocalArticle): Promise<ArticleFile | null> {
    const file = shadows.get(id)!.file;
    if ((await contentHash(local.content)) === file.content.hash) {
      return { ...file, content: { ...file.content, html: local.content.html, text: local.content.text } };
    }
    try {
      const remote = await folder.readArticle(id);
      return remote ? mergeArticles(remote.value, file) : null;
    } catch (error) {
      if (error instanceof ForeignFileError) return null;
      throw error;
    }
  }

  // Tombstones past their time go, with their files.
  const retention = options.retentionMs ?? TOMBSTONE_RETENTION_MS;
  for (const [id, entry] of Object.entries(manifest.articles)) {
    if (entry.deleted && wallOf(entry.deleted) < now() - retention && !upserts.has(id)) {
      await folder.deleteArticle(id);
      await records.deleteShadow(id);
      shadows.delete(id);
      purges.add(id);
    }
  }
  report.purged = purges.size;
  let collectBlobsAt = purges.size > 0 ? now() : (cursor.collectBlobsAt ?? null);
  let isManifestFresh = true;

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
        // Another device wrote meanwhile (not only a weak ETag): its articles are not known here yet.
        if (canonicalJson(fresh.value) !== canonicalJson(manifest)) isManifestFresh = false;
        for (const [id, e] of upserts) {
          const theirs = fresh.value.articles[id];
          if (theirs && theirs.rev === e.rev && theirs.hash !== e.hash) nextRecheck.add(id);
        }
        manifest = fresh.value;
        manifestEtag = fresh.etag;
      }
    }
  }

  for (const id of recheck) if (deferred.has(id)) nextRecheck.add(id);

  if (collectBlobsAt !== null && collectBlobsAt <= now() && isManifestFresh) {
    const collected = await collectUnusedBlobs();
    if (collected) {
      report.blobsDeleted = collected.deleted;
      // Unused images too recent to delete: looked at again once they may be.
      collectBlobsAt = collected.isWaiting ? now() + (options.blobGraceMs ?? BLOB_GRACE_MS) : null;
    }
  }

  /**
   * Deletes the images no manifest entry's file lists (tombstones not yet purged included), once
   * they are `blobGraceMs` old on the server's clock. Only when this device knows every entry's
   * current file (else null: tried again next time). `isWaiting`: unused images too recent remain.
   */
  async function collectUnusedBlobs(): Promise<{ deleted: number; isWaiting: boolean } | null> {
    const used = new Set<string>();
    for (const [id, entry] of Object.entries(manifest.articles)) {
      const shadow = shadows.get(id);
      if (!shadow?.server || !sameEntry(entry, { ...shadow.server, at: '' })) return null;
      for (const ref of shadow.file.content.images) used.add((await folder.pathOf(blobName(ref.blob))).slice(6));
    }
    const { files, serverNow } = await folder.listBlobs();
    if (serverNow === null) return null;
    const grace = options.blobGraceMs ?? BLOB_GRACE_MS;
    let deleted = 0;
    let isWaiting = false;
    for (const file of files) {
      if (used.has(file.name)) continue;
      if (file.modifiedAt === null || file.modifiedAt > serverNow - grace) isWaiting = true;
      else {
        await folder.deleteBlob(file.name);
        deleted++;
      }
    }
    return { deleted, isWaiting };
  }

  // The library's changes are synced up to now, unless someone wrote to it during the sync.
  const since = await library.revisionsSince(startRevision);
  const isAllOwn = since.every((r) => own.has(r));
  const libraryRevision = isAllOwn ? Math.max(startRevision, ...since) : startRevision;
  await records.setCursor({
    libraryRevision,
    manifest,
    manifestEtag,
    ignored: nextIgnored,
    collectBlobsAt,
    recheck: [...nextRecheck],
  });
  return report;
}
