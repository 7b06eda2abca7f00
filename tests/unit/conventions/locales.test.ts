/**
 * Every shipped language is complete: the same keys as English, the same placeholders, and every
 * plural form its language has (as `Intl.PluralRules` reports it), so no one reads a word of
 * English or a wrong plural where a translation ships.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/shared/i18n/translate';

const LOCALES_DIR = resolve(import.meta.dirname, '../../../src/_locales');

/** The languages that ship, by the folder names both Chrome and Firefox accept. */
const SHIPPED = ['de', 'en', 'es', 'fr', 'it', 'pt_BR'];

const PLURAL_MEMBER = /^(.+)_(zero|one|two|few|many|other)$/;

function read(locale: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalog;
}

/** `$NAME$` placeholders a message uses, and what each is bound to. */
function placeholdersOf(entry: Catalog[string]): string[] {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map(([, name]) => name!.toLowerCase());
  const bound = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name}=${p.content}`);
  return [...new Set(used)].sort().concat(bound.sort());
}

const en = read('en');
const enPlain = Object.keys(en).filter((key) => !PLURAL_MEMBER.test(key));
const enPlurals = [...new Set(Object.keys(en).flatMap((key) => PLURAL_MEMBER.exec(key)?.[1] ?? []))];
const locales = readdirSync(LOCALES_DIR).filter((name) => name !== 'en');

describe('locales', () => {
  it('ships exactly the languages the README names', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(SHIPPED);
  });

  it('English has "one" and "other" for every counted message, and says its own language', () => {
    for (const name of enPlurals) {
      expect(
        Object.keys(en)
          .filter((key) => key.startsWith(`${name}_`))
          .sort(),
        name,
      ).toEqual([`${name}_one`, `${name}_other`]);
    }
    expect(en.languageTag?.message).toBe('en');
  });

  describe.each(locales)('%s', (locale) => {
    const catalog = read(locale);
    const tag = locale.replace('_', '-');
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

    it('names its language in languageTag', () => {
      expect(catalog.languageTag?.message).toBe(tag);
    });

    it('has every message of English and no other', () => {
      const plain = Object.keys(catalog).filter((key) => !PLURAL_MEMBER.test(key));
      expect(plain.sort()).toEqual([...enPlain].sort());
      const names = [...new Set(Object.keys(catalog).flatMap((key) => PLURAL_MEMBER.exec(key)?.[1] ?? []))];
      expect(names.sort()).toEqual([...enPlurals].sort());
    });

    it(`has each counted message in every plural form of ${tag} (${categories.join(', ')}) and no other`, () => {
      for (const name of enPlurals) {
        const forms = Object.keys(catalog)
          .filter((key) => PLURAL_MEMBER.exec(key)?.[1] === name)
          .map((key) => PLURAL_MEMBER.exec(key)![2]);
        expect(forms.sort(), name).toEqual([...categories].sort());
      }
    });

    it('keeps the placeholders of English in every message', () => {
      for (const [key, entry] of Object.entries(catalog)) {
        const name = PLURAL_MEMBER.exec(key)?.[1];
        const source = name ? en[`${name}_other`] : en[key];
        expect(entry.message.trim(), key).not.toBe('');
        expect(placeholdersOf(entry), key).toEqual(placeholdersOf(source!));
      }
    });
  });
});
