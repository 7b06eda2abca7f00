/**
 * Runs the WCXB pages through our engine and plain Readability in parallel worker processes (one
 * per core; jsdom is single-threaded) and collects their records.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { WcxbPage } from './wcxb';
import type { WcxbRecord } from './wcxb-record';

const root = resolve(import.meta.dirname, '../../..');
const WORKER = join(root, 'scripts/bench/wcxb-worker.ts');
const TSX = join(root, 'node_modules/tsx/dist/cli.mjs');

export interface WcxbRunOptions {
  /** Where the records are written (one JSONL file per worker, then read back). */
  dir: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

function countLines(file: string): number {
  if (!existsSync(file)) return 0;
  let n = 0;
  for (const byte of readFileSync(file)) if (byte === 10) n++;
  return n;
}

export async function runWcxb(pages: readonly WcxbPage[], options: WcxbRunOptions): Promise<Map<string, WcxbRecord>> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), pages.length));
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  // Interleaved, so every worker gets a share of the slow pages.
  const shares = Array.from({ length: workers }, (_, w) => pages.filter((_, i) => i % workers === w).map((p) => p.id));
  const files = shares.map((_, w) => join(options.dir, `worker-${w}.jsonl`));
  const timer = setInterval(() => {
    options.onProgress?.(
      files.reduce((sum, f) => sum + countLines(f), 0),
      pages.length,
    );
  }, 2000);
  try {
    await Promise.all(
      shares.map(
        (ids, w) =>
          new Promise<void>((ok, fail) => {
            const child = spawn(
              process.execPath,
              ['--max-old-space-size=6144', TSX, WORKER, files[w] as string, ...ids],
              { stdio: ['ignore', 'inherit', 'inherit'] },
            );
            child.on('error', fail);
            child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`WCXB worker ${w} exited with ${code}`))));
          }),
      ),
    );
  } finally {
    clearInterval(timer);
  }
  const records = new Map<string, WcxbRecord>();
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as WcxbRecord;
      records.set(record.id, record);
    }
  }
  options.onProgress?.(records.size, pages.length);
  return records;
}
