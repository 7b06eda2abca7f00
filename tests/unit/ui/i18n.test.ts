import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../../src/_locales/en/messages.json';
import { english } from '../../../src/shared/i18n/english';
import { FAILURE_KEYS, failureText } from '../../../src/shared/i18n/failures';
import { catalogGetMessage, createTranslator, pluralKeyOf } from '../../../src/shared/i18n/translate';
import { createCatalogTranslator } from '../../../src/ui/i18n';

const root = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|json)$/.test(e.name) && !e.parentPath.includes('_locales'))
    .map((e) => join(e.parentPath, e.name));
}

/** A counted message's name, for its member keys (`promos_one` → `promos`). */
const PLURAL_MEMBER = /^(.+)_(zero|one|two|few|many|other)$/;

describe('i18n', () => {
  it('fills placeholders the way browser.i18n does', () => {
    const t = createCatalogTranslator(messages);
    expect(t('savedToLibrary', 'A title')).toBe('Saved to your library: A title');
    expect(t('importDone', ['1', '2', '3'])).toBe('Imported: 1 new, 2 updated, 3 skipped.');
    expect(t('loading')).toBe('Reading this page…');
  });

  it('picks the plural form for the count with Intl.PluralRules, and formats the count', () => {
    const t = createCatalogTranslator(messages);
    expect(t('clutterComments', 1)).toBe('1 comment section');
    expect(t('clutterPromos', 13)).toBe('13 promos');
    expect(t('clutterPromos', 0)).toBe('0 promos');
    expect(t('storageUse', 1, ['4 kB'])).toBe('1 article · 4 kB used');
    expect(t('articleCount', 1234)).toBe('1,234 articles');
    expect(t('readingMinutes', 5)).toBe('5 min read');
  });

  it('chooses the key by the language of the catalogue, falling back to _other', () => {
    expect(pluralKeyOf('promos', 0, 'fr')).toBe('promos_one');
    expect(pluralKeyOf('promos', 0, 'de')).toBe('promos_other');
    expect(pluralKeyOf('promos', 3, 'pl')).toBe('promos_few');
    const catalogue = {
      promos_one: { message: '$COUNT$ promo', placeholders: { count: { content: '$1' } } },
      promos_other: { message: '$COUNT$ promos', placeholders: { count: { content: '$1' } } },
    };
    const polish = createTranslator(catalogGetMessage(catalogue), 'pl');
    // Polish has "few", which this catalogue lacks: the "other" form stands in.
    expect((polish as (key: string, count: number) => string)('promos', 3)).toBe('3 promos');
    const german = createTranslator(catalogGetMessage(catalogue), 'de');
    expect((german as (key: string, count: number) => string)('promos', 1234)).toBe('1.234 promos');
  });

  it('puts every failure reason into words, and an unexpected failure keeps its detail', () => {
    for (const [reason, key] of Object.entries(FAILURE_KEYS)) {
      expect(messages, reason).toHaveProperty(key);
    }
    expect(
      failureText(english, { code: 'invalid-file', message: '', reason: 'archive-image', params: ['a.png'] }),
    ).toBe('The archive is damaged: the image a.png is missing.');
    expect(failureText(english, { code: 'no-tab', message: 'whatever' })).toBe('The tab was closed.');
    expect(failureText(english, { code: 'failed', message: 'Boom' })).toBe('Something unexpected went wrong: Boom');
    // A reason that is not ours (from a page's script) is not looked up.
    expect(failureText(english, { code: 'failed', message: 'x', reason: 'toString' as never })).toBe(
      'Something unexpected went wrong: x',
    );
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
      const name = PLURAL_MEMBER.exec(key)?.[1] ?? key;
      const used = manifest.includes(`__MSG_${key}__`) || code.includes(`'${name}'`) || code.includes(`"${name}"`);
      expect(used, `message "${key}" is never used`).toBe(true);
    }
  });
});
