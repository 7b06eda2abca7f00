/**
 * The popup's entry sends the extraction request before the UI loads (src/ui/popup/main.ts). That
 * holds only while the modules it imports statically stay small: a static import of Preact, a
 * component or a stylesheet would make the browser load and compile it all before the request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = resolve(ROOT, 'src/ui/popup/main.ts');

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

describe("the popup's entry", () => {
  it('loads its UI only after it runs, with a dynamic import', () => {
    expect(importsOf(ENTRY).dynamicImports).toEqual(['./mount-popup']);
    expect(importsOf(ENTRY).staticImports).not.toContain('./mount-popup');
  });

  it('imports no UI statically: no Preact, no component, no stylesheet', () => {
    const { files, packages } = staticGraph(ENTRY);
    expect(packages).toEqual(['webextension-polyfill']);
    expect(files.filter((f) => f.endsWith('.tsx') || f.endsWith('.css'))).toEqual([]);
    expect(files).toContain('src/ui/popup/start-reading.ts');
  });
});
