/**
 * The folder boundaries of eslint.config.js, checked by linting deliberately wrong files as if they
 * were at the restricted paths: each must fail with the rule meant to stop it, and the correct
 * files must pass. A file's first line says where it is linted and what it expects:
 * `// Linted as src/extract/x.ts; fails no-restricted-globals: …` or `…; passes: …`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/lint');
const HEADER = /^\/\/ Linted as (\S+); (?:fails (\S+)|passes):/;

interface LintFixture {
  file: string;
  code: string;
  lintedAs: string;
  /** The rule that must report it, or null for a file that must pass. */
  rule: string | null;
}

const fixtures: LintFixture[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .map((file) => {
    const code = readFileSync(join(FIXTURES, file), 'utf8');
    const header = HEADER.exec(code);
    if (!header) throw new Error(`${file}: the first line must say where it is linted and what it expects`);
    return { file, code, lintedAs: header[1]!, rule: header[2] ?? null };
  });

describe('lint boundaries between the folders', { timeout: 120_000 }, () => {
  let eslint: ESLint;

  beforeAll(() => {
    // The repository's own configuration. The files are not on disk where they are linted, so
    // the type-aware rules (which need them in a TypeScript project) are left out; no boundary
    // rule needs types.
    eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
  });

  it('has wrong files for every restricted folder and correct files', () => {
    const folders = new Set(fixtures.filter((f) => f.rule).map((f) => f.lintedAs.split('/')[1]));
    for (const folder of [
      'extract',
      'clutter',
      'filter-lists',
      'storage',
      'library-io',
      'shared',
      'offscreen',
      'background',
    ]) {
      expect(folders, folder).toContain(folder);
    }
    expect(fixtures.filter((f) => f.rule === null).length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    const expected = fixture.rule ? `fails with ${fixture.rule}` : 'passes';
    it(`${fixture.file}, linted as ${fixture.lintedAs}, ${expected}`, async () => {
      const [result] = await eslint.lintText(fixture.code, { filePath: join(ROOT, fixture.lintedAs) });
      const problems = (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
      if (fixture.rule === null) {
        expect(problems).toEqual([]);
      } else {
        expect(problems.length, 'at least one problem').toBeGreaterThan(0);
        // Every problem is the intended one: the file is wrong in one way only.
        for (const problem of problems) expect(problem.startsWith(`${fixture.rule}: `), problem).toBe(true);
      }
    });
  }
});
