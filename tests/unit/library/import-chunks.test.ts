/**
 * Imports in chunks: each chunk is its own IndexedDB transaction (fake-indexeddb), progress is
 * told after each, a cancel stops between chunks keeping what was committed, and importing the
 * same file again adds only what was missing.
 */
import { describe, expect, it, vi } from 'vitest';
import { createImportJobs } from '../../../src/background/library/import-jobs';
import { exportLibraryArchive } from '../../../src/library-io/export/library-archive';
import { chunkDrafts } from '../../../src/library-io/import/import-chunks';
import { emptyFields, type ImportDraft } from '../../../src/library-io/import/types';
import type { ImportProgress } from '../../../src/shared/messaging/library-protocol';
import { syntheticArticles } from '../../e2e/support/library-seed';
import { librariesClosedAfterEach, type Library } from './support';

const setup = librariesClosedAfterEach();

function draft(i: number, size = 0): ImportDraft {
  return {
    url: `https://site.example/${i}`,
    canonicalUrl: null,
    fields: emptyFields(`Article ${i}`),
    status: 'complete',
    source: 'page',
    html: 'x'.repeat(size),
    text: null,
    imageUrls: null,
    images: [],
    state: {},
  };
}

/** A library archive of `count` small articles, every third with a stored picture. */
async function archiveOf(count: number): Promise<Uint8Array> {
  const articles = syntheticArticles(count, { hasPicture: (i) => i % 3 === 0, progress: () => null, paragraphs: 1 });
  return (await exportLibraryArchive(articles, { exportedAt: new Date('2024-12-01'), baseName: 'seed' })).bytes;
}

const TWO_PER_CHUNK = { maxArticles: 2, maxBytes: Number.POSITIVE_INFINITY };

describe('chunkDrafts', () => {
  it('cuts at the article limit, keeps the order, and leaves no chunk empty', () => {
    const drafts = Array.from({ length: 7 }, (_, i) => draft(i));
    const chunks = chunkDrafts(drafts, { maxArticles: 3, maxBytes: Number.POSITIVE_INFINITY });
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunks.flat()).toEqual(drafts);
    expect(chunkDrafts([], { maxArticles: 3, maxBytes: 10 })).toEqual([]);
    expect(chunkDrafts(drafts.slice(0, 6), { maxArticles: 3, maxBytes: Infinity }).map((c) => c.length)).toEqual([
      3, 3,
    ]);
  });

  it('closes a chunk early once its bodies and pictures pass the byte limit; a large one goes alone', () => {
    const drafts = [draft(0, 40), draft(1, 40), draft(2, 40), draft(3, 500), draft(4, 10)];
    drafts[2]!.images = [{ url: 'https://site.example/p.png', type: 'image/png', bytes: new Uint8Array(30) }];
    const chunks = chunkDrafts(drafts, { maxArticles: 100, maxBytes: 100 });
    expect(chunks.map((c) => c.map((d) => d.url.split('/').pop()))).toEqual([['0', '1'], ['2'], ['3'], ['4']]);
  });
});

describe('chunked import', () => {
  it('commits each chunk in its own transaction and reports progress after each', async () => {
    const lib = setup();
    const saveAll = vi.spyOn(lib.service.repo, 'saveAll');
    const steps: string[] = [];
    const summary = await lib.exchange.importFile(await archiveOf(5), {
      limits: TWO_PER_CHUNK,
      onProgress: ({ done, total }) => steps.push(`${done}/${total}`),
    });
    expect(summary).toEqual({ kind: 'archive', added: 5, updated: 0, skipped: 0 });
    expect(steps).toEqual(['0/5', '2/5', '4/5', '5/5']);
    expect(saveAll.mock.calls.map(([inputs]) => inputs.length)).toEqual([2, 2, 1]);
    expect(await lib.db.articles.count()).toBe(5);
    // Stored whole: pictures, and the search index written in each chunk's transaction.
    expect(await lib.db.images.count()).toBe(2);
    expect((await lib.service.list({ search: 'harbour' })).total).toBe(5);
  });

  it('stops after the chunk being written when cancelled, keeps it, and a second import adds the rest', async () => {
    const lib = setup();
    const file = await archiveOf(5);
    const controller = new AbortController();
    const cancelled = await lib.exchange.importFile(file, {
      limits: TWO_PER_CHUNK,
      signal: controller.signal,
      // The cancel arrives while the second chunk is being stored.
      onProgress: ({ done }) => done === 2 && controller.abort(),
    });
    expect(cancelled).toEqual({ kind: 'archive', added: 2, updated: 0, skipped: 0 });
    expect((await lib.db.articles.toArray()).map((a) => a.id).sort()).toEqual(['seed-0', 'seed-1']);
    expect((await lib.service.list({})).total).toBe(2);

    expect(await lib.exchange.importFile(file, { limits: TWO_PER_CHUNK })).toEqual({
      kind: 'archive',
      added: 3,
      updated: 2,
      skipped: 0,
    });
    expect(await lib.db.articles.count()).toBe(5);
    // Once complete, importing it again adds nothing and duplicates nothing.
    expect(await lib.exchange.importFile(file, { limits: TWO_PER_CHUNK })).toMatchObject({ added: 0, updated: 5 });
    expect(await lib.db.articles.count()).toBe(5);
    expect(await lib.db.images.count()).toBe(2);
  });
});

describe('import jobs', () => {
  /** Import jobs over `lib` that import two articles per chunk and tell `onChunk` after each. */
  function chunkedJobs(lib: Library, onChunk: (progress: { done: number; total: number }) => void) {
    return createImportJobs((bytes, options) =>
      lib.exchange.importFile(bytes, {
        ...options,
        limits: TWO_PER_CHUNK,
        onProgress: (p) => {
          options.onProgress?.(p);
          onChunk(p);
        },
      }),
    );
  }

  async function settled(jobs: ReturnType<typeof createImportJobs>, jobId: string): Promise<ImportProgress> {
    return vi.waitFor(() => {
      const progress = jobs.status(jobId);
      if (progress.state !== 'done' && progress.state !== 'cancelled') throw new Error(progress.state);
      return progress;
    });
  }

  it('follows an import from reading to done, with the summary', async () => {
    const lib = setup();
    const seen: string[] = [];
    const jobs = chunkedJobs(lib, (p) => seen.push(`${jobs.status(jobId).state} ${p.done}/${p.total}`));
    const started = jobs.start(await archiveOf(3));
    const jobId = started.jobId;
    expect(started).toMatchObject({ state: 'reading', done: 0, total: 0, summary: null });
    expect(await settled(jobs, jobId)).toEqual({
      jobId,
      state: 'done',
      done: 3,
      total: 3,
      summary: { kind: 'archive', added: 3, updated: 0, skipped: 0 },
    });
    expect(seen).toEqual(['importing 0/3', 'importing 2/3', 'importing 3/3']);
  });

  it('is cancelled between chunks: the state says so and the summary counts what was kept', async () => {
    const lib = setup();
    let jobId = '';
    const jobs = chunkedJobs(lib, (p) => {
      if (p.done === 2) jobs.cancel(jobId);
    });
    jobId = jobs.start(await archiveOf(5)).jobId;
    expect(await settled(jobs, jobId)).toMatchObject({
      state: 'cancelled',
      done: 2,
      total: 5,
      summary: { added: 2, updated: 0 },
    });
    expect(await lib.db.articles.count()).toBe(2);
  });

  it('answers a corrupt file with its failure and stores nothing; an unknown job was interrupted', async () => {
    const lib = setup();
    const jobs = createImportJobs((bytes, options) => lib.exchange.importFile(bytes, options));
    const { jobId } = jobs.start(new TextEncoder().encode('%PDF-1.7 binary'));
    const failure = await vi.waitFor(() => {
      try {
        jobs.status(jobId);
      } catch (error) {
        return error;
      }
      throw new Error('still running');
    });
    expect(failure).toMatchObject({ reason: 'foreign-file' });
    expect(await lib.db.articles.count()).toBe(0);
    expect(() => jobs.status('no-such-job')).toThrow(expect.objectContaining({ reason: 'import-interrupted' }));
  });
});
