/**
 * The exit status of the real command, run as a process on real files: 0 when every input gave its
 * article, 1 when one gave none (after the others were processed), 2 when one is missing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, PAGES_DIR } from '../support/fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
const GOOD = join(PAGES_DIR, 'magazine-seed/source.html');
const WALL = join(PAGES_DIR, 'sign-in-wall/source.html');
let empty: string;
let missing: string;

interface Outcome {
  code: number | null;
  out: string;
  err: string;
}

/** `tidy-reader extract …` through src/cli/main.ts, as `npx tidy-reader` runs its built copy. */
function tidyReader(...args: string[]): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'extract', ...args],
      { cwd: ROOT, maxBuffer: 1 << 24 },
      (error, out, err) => done({ code: error ? (error.code as number | null) : 0, out, err }),
    );
  });
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tidy-reader-exit-'));
  empty = join(dir, 'empty.html');
  missing = join(dir, 'missing.html');
  await writeFile(
    empty,
    '<!doctype html><html><head><title>Loading…</title></head><body><div id="app"></div></body></html>',
  );
});

describe('tidy-reader extract exit status', { timeout: 120_000 }, () => {
  it('is 0, 1 or 2 by the worst input, and every input is processed', async () => {
    const seed = loadFixture('magazine-seed');
    // Started together: each run is a fresh Node process.
    const [good, noArticle, absent] = await Promise.all([
      tidyReader(GOOD),
      tidyReader(WALL, empty, GOOD),
      tidyReader(missing, WALL, GOOD),
    ]);

    expect(good).toEqual({ code: 0, out: `${seed.expectedText}\n`, err: '' });

    expect(noArticle.code).toBe(1);
    expect(noArticle.out).toBe(`==> ${GOOD} <==\n${seed.expectedText}\n`);
    expect(noArticle.err).toMatch(/source\.html: nothing to read \(This page asks you to sign in/);
    expect(noArticle.err).toMatch(/empty\.html: nothing to read/);

    expect(absent.code).toBe(2);
    expect(absent.out).toBe(`==> ${GOOD} <==\n${seed.expectedText}\n`);
    expect(absent.err).toMatch(new RegExp(`^tidy-reader: ${missing}: cannot read \\(no such file\\)\n`));
  });
});
