import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';

export const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

export interface PageFixture {
  slug: string;
  /** The address the page pretends to live at. */
  url: string;
  html: string;
  expectedText: string;
  expectedMetadata: Record<string, unknown>;
}

export function listFixtureSlugs(): string[] {
  return readdirSync(PAGES_DIR).filter((slug) => existsSync(join(PAGES_DIR, slug, 'source.html')));
}

export function loadFixture(slug: string): PageFixture {
  const dir = join(PAGES_DIR, slug);
  return {
    slug,
    url: `http://127.0.0.1/${slug}/`,
    html: readFileSync(join(dir, 'source.html'), 'utf8'),
    expectedText: readFileSync(join(dir, 'expected.txt'), 'utf8').trim(),
    expectedMetadata: JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>,
  };
}

export function parseFixture(fixture: PageFixture): Document {
  return new JSDOM(fixture.html, { url: fixture.url }).window.document;
}
