/**
 * The library page's first rows are asked for by a classic start script in the page's head
 * (src/ui/library/start.ts, built as library-start.js), and the list takes that request over:
 * only if it is exactly the list's own first request, only once, and the start script stays free
 * of the UI (no Preact, no component, no stylesheet), so that it runs while the page is parsed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import type { ListRequest, ListResult } from '../../../src/ui/api/library-api';
import { FIRST_PAGE_REQUEST, handOverFirstPage, withStartedFirstPage } from '../../../src/ui/library/first-page';
import { createLibraryStore } from '../../../src/ui/stores/createLibraryStore';
import { summary } from '../ui/library-fixture';

const ROOT = resolve(import.meta.dirname, '../../..');

function recordingApi() {
  const library = createMockLibraryApi(Array.from({ length: 60 }, () => ({ article: summary() })));
  const api = createMockApi({ library });
  const asked: ListRequest[] = [];
  const list = library.list.bind(library);
  library.list = (request) => {
    asked.push(request);
    return list(request);
  };
  return { api, asked };
}

const started = (title: string): Promise<ListResult> =>
  Promise.resolve({ items: [summary({ title })], total: 1, libraryCount: 1, tags: [], sites: [] });

describe('the first page the start script asked for', () => {
  it("is the list store's own first request, which then takes the answer instead of asking again", async () => {
    const { api, asked } = recordingApi();
    handOverFirstPage(FIRST_PAGE_REQUEST, started('From the start script'));
    const store = createLibraryStore(withStartedFirstPage(api));
    await store.start();
    expect(asked.filter((r) => r.offset === 0)).toEqual([]);
    expect(store.itemAt(0)?.title).toBe('From the start script');
  });

  it('is taken once: later requests, the same one included, go to the background', async () => {
    const { api, asked } = recordingApi();
    handOverFirstPage(FIRST_PAGE_REQUEST, started('Once'));
    const listing = withStartedFirstPage(api);
    expect((await listing.library.list({ ...FIRST_PAGE_REQUEST })).items[0]?.title).toBe('Once');
    expect((await listing.library.list({ ...FIRST_PAGE_REQUEST })).items[0]?.title).not.toBe('Once');
    expect(asked).toHaveLength(1);
  });

  it('is not used for a different request', async () => {
    const { api, asked } = recordingApi();
    handOverFirstPage(FIRST_PAGE_REQUEST, started('Stale'));
    const listing = withStartedFirstPage(api);
    const answer = await listing.library.list({ ...FIRST_PAGE_REQUEST, view: 'archived' });
    expect(answer.items.map((i) => i.title)).not.toContain('Stale');
    expect(asked).toEqual([{ ...FIRST_PAGE_REQUEST, view: 'archived' }]);
  });

  it('without a start script, every request goes out', async () => {
    const { api, asked } = recordingApi();
    const store = createLibraryStore(withStartedFirstPage(api));
    await store.start();
    expect(asked[0]).toEqual(FIRST_PAGE_REQUEST);
  });
});

describe("the library page's start script", () => {
  it('imports no UI, and is the first script of the page, a classic one', () => {
    const start = resolve(ROOT, 'src/ui/library/start.ts');
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const node of source.statements) {
        if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) continue;
        if (node.importClause?.isTypeOnly) continue;
        const named = node.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly) && !node.importClause?.name)
          continue;
        const specifier = node.moduleSpecifier.text;
        if (!specifier.startsWith('.')) packages.add(specifier);
        else visit(resolve(file, '..', specifier) + (/\.tsx?$/.test(specifier) ? '' : '.ts'));
      }
    };
    visit(start);
    expect([...packages]).toEqual(['webextension-polyfill']);
    expect([...seen].filter((f) => f.endsWith('.tsx') || f.endsWith('.css'))).toEqual([]);
    const html = readFileSync(resolve(ROOT, 'src/pages/library.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toMatch(/src="\.\/library-start\.js"/);
    expect(scripts[0]).not.toMatch(/type="module"|\basync\b|\bdefer\b/);
    const config = readFileSync(resolve(ROOT, 'vite.config.ts'), 'utf8');
    expect(config).toContain("scriptConfig('src/ui/library/start.ts', 'tidyReaderLibraryStart', 'library-start.js')");
  });
});
