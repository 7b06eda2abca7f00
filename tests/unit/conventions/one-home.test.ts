/**
 * Code that was once written in several places has one home now; these checks keep it there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The source files (relative to the repository) whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return sourceFiles()
    .filter((path) => pattern.test(readFileSync(path, 'utf8')))
    .map((path) => relative(ROOT, path))
    .sort();
}

describe('one home for repeated code', () => {
  it('configures Turndown in one module', () => {
    expect(filesMatching(/from 'turndown'|new TurndownService/)).toEqual(['src/shared/markdown.ts']);
  });

  it('reads host names from addresses in one module', () => {
    expect(filesMatching(/function host(name)?Of\b|\.hostname\.replace\(/)).toEqual(['src/shared/host.ts']);
  });

  it('makes context menus and listens to their clicks in one module', () => {
    expect(filesMatching(/contextMenus\.(create|remove|onClicked)|\bmenus\.(create|remove|onClicked)/)).toEqual([
      'src/background/surfaces/context-menus.ts',
    ]);
  });
});
