import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../../src/_locales/en/messages.json';
import { createCatalogTranslator } from '../../../src/ui/i18n';

const root = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|json)$/.test(e.name) && !e.parentPath.includes('_locales'))
    .map((e) => join(e.parentPath, e.name));
}

describe('i18n', () => {
  it('fills placeholders the way browser.i18n does', () => {
    const t = createCatalogTranslator(messages);
    expect(t('readingMinutes', '5')).toBe('5 min read');
    expect(t('readingMinutes', ['12'])).toBe('12 min read');
    expect(t('loading')).toBe('Reading this page…');
  });

  it('describes every message for translators', () => {
    for (const [key, entry] of Object.entries(messages)) expect(entry.description, key).toBeTruthy();
  });

  it('has a message for every __MSG_ key in the manifest and no unused messages', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const code = sourceFiles(join(root, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) expect(messages, key).toHaveProperty(key!);
    for (const key of Object.keys(messages)) {
      const used = manifest.includes(`__MSG_${key}__`) || code.includes(`'${key}'`) || code.includes(`"${key}"`);
      expect(used, `message "${key}" is never used`).toBe(true);
    }
  });
});
