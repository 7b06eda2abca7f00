/**
 * The popup sends the extraction request before its UI loads: a classic start script in the
 * page's head sends it (src/ui/popup/start.ts, built as popup-start.js) and the module entry
 * (src/ui/popup/main.ts) takes it over and loads the UI. That holds only while the start script
 * stays small and comes first, and while the entry loads the UI dynamically: a static import of
 * Preact, a component or a stylesheet would make the browser load and compile it all first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = resolve(ROOT, 'src/ui/popup/main.ts');
const START = resolve(ROOT, 'src/ui/popup/start.ts');

interface Imports {
  /** Specifiers loaded before the module runs (type-only imports are erased and left out). */
  staticImports: string[];
  dynamicImports: string[];
}

function importsOf(file: string): Imports {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const staticImports: string[] = [];
  const dynamicImports: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const isTypeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!isTypeOnly) staticImports.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) staticImports.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      dynamicImports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { staticImports, dynamicImports };
}

function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = ['', '.ts', '.tsx', '/index.ts']
    .map((ext) => base + ext)
    .find((f) => existsSync(f) && !f.endsWith('/'));
  if (!found) throw new Error(`${specifier} (from ${from}) not found`);
  return found;
}

/** Every module and package the entry loads before it runs, following relative imports. */
function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(file).staticImports) {
      if (specifier.startsWith('.')) pending.push(resolveSource(file, specifier));
      else packages.add(specifier);
    }
  }
  return { files: [...files].map((f) => f.slice(ROOT.length + 1)).sort(), packages: [...packages].sort() };
}

describe("the popup's start script", () => {
  it('sends the request, importing no UI: no Preact, no component, no stylesheet', () => {
    const { files, packages } = staticGraph(START);
    expect(packages).toEqual(['webextension-polyfill']);
    expect(files.filter((f) => f.endsWith('.tsx') || f.endsWith('.css'))).toEqual([]);
    expect(files).toContain('src/ui/popup/start-reading.ts');
    expect(importsOf(START).dynamicImports).toEqual([]);
  });

  it('is a classic script, first in the page: it runs while the page is parsed, before any module', () => {
    const html = readFileSync(resolve(ROOT, 'src/pages/popup.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toMatch(/src="\.\/popup-start\.js"/);
    expect(scripts[0]).not.toMatch(/type="module"|\basync\b|\bdefer\b/);
    expect(scripts.slice(1).every((tag) => tag.includes('type="module"'))).toBe(true);
    const config = readFileSync(resolve(ROOT, 'vite.config.ts'), 'utf8');
    expect(config).toContain("scriptConfig('src/ui/popup/start.ts', 'tidyReaderPopupStart', 'popup-start.js')");
  });
});

describe("the popup's module entry", () => {
  it('loads its UI only after it runs, with a dynamic import', () => {
    expect(importsOf(ENTRY).dynamicImports).toEqual(['./mount-popup']);
    expect(importsOf(ENTRY).staticImports).not.toContain('./mount-popup');
  });

  it('imports no UI and no package statically: it takes over the request the start script sent', () => {
    const { files, packages } = staticGraph(ENTRY);
    expect(packages).toEqual([]);
    expect(files).toEqual(['src/ui/popup/main.ts', 'src/ui/popup/reading-handover.ts', 'src/ui/start-handover.ts']);
  });
});
