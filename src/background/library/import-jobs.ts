/**
 * Imports as jobs the page follows. `articles.importStart` answers at once and the import runs on
 * in the background a chunk at a time; the page asks `articles.importStatus` a few times a second
 * for the progress bar. Those messages also keep Chrome's service worker awake (each event restarts
 * its 30-second idle timer), and no single message waits for minutes (Chrome stops a worker whose
 * event takes five). A worker stopped anyway forgets its jobs: the page is told the import was
 * interrupted, and importing the file again adds what is missing.
 */
import { LibraryError } from '../../storage/errors';
import type { ImportProgress, ImportSummary } from '../../shared/messaging/library-protocol';
import type { ImportOptions } from './library-exchange';

/** A finished job is kept this long for the page to read its summary. */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

interface Job {
  progress: ImportProgress;
  controller: AbortController;
  /** Settles with the summary, or the import's failure. */
  finished: Promise<ImportSummary>;
  error?: unknown;
  endedAt?: number;
}

export type RunImport = (bytes: Uint8Array, options: ImportOptions) => Promise<ImportSummary>;

export function createImportJobs(run: RunImport, now: () => number = Date.now) {
  const jobs = new Map<string, Job>();

  function sweep(): void {
    for (const [id, job] of jobs)
      if (job.endedAt !== undefined && job.endedAt < now() - KEEP_FINISHED_MS) jobs.delete(id);
  }

  function take(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new LibraryError('not-found', 'import-interrupted');
    return job;
  }

  /** A copy for the channel; a failed job answers with its failure. */
  function report(job: Job): ImportProgress {
    if (job.error !== undefined) throw job.error;
    return { ...job.progress, summary: job.progress.summary && { ...job.progress.summary } };
  }

  function start(bytes: Uint8Array): Job {
    sweep();
    const jobId = crypto.randomUUID();
    const controller = new AbortController();
    const job = { controller, progress: { jobId, state: 'reading', done: 0, total: 0, summary: null } } as Job;
    job.finished = run(bytes, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        job.progress = { ...job.progress, state: 'importing', done, total };
      },
    }).then(
      (summary) => {
        const state = job.progress.done < job.progress.total ? 'cancelled' : 'done';
        job.progress = { ...job.progress, state, summary };
        job.endedAt = now();
        return summary;
      },
      (error: unknown) => {
        job.error = error;
        job.endedAt = now();
        throw error;
      },
    );
    // Read through `status`; not a rejection nobody handles.
    job.finished.catch(() => undefined);
    jobs.set(jobId, job);
    return job;
  }

  return {
    start: (bytes: Uint8Array): ImportProgress => report(start(bytes)),
    /** Starts an import and waits for its end (scripts and tests that need no progress). */
    run: (bytes: Uint8Array): Promise<ImportSummary> => start(bytes).finished,
    status: (jobId: string): ImportProgress => report(take(jobId)),
    /** Stops the import after the chunk being written; what was committed stays. */
    cancel(jobId: string): ImportProgress {
      const job = take(jobId);
      job.controller.abort();
      return report(job);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
