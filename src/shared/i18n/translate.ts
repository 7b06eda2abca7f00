/**
 * The one way a word reaches a person: a key of `src/_locales/en/messages.json`, looked up in the
 * reader's language. `browser.i18n` has no plural forms, so a counted message is a group of keys,
 * `name_one`, `name_other` (and `_few`, `_many`… where a shipped language has them), and the
 * translator picks one with the platform's `Intl.PluralRules` for the UI language.
 */
import type enMessages from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;

/** CLDR plural categories, as `Intl.PluralRules.select` names them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** The name of a counted message: `promosCount` for `promosCount_one`/`promosCount_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** A key read as it is (the plural groups' member keys are reached through their name only). */
export type PlainKey = Exclude<MessageKey, `${PluralKey}_${PluralCategory}`>;

export type Substitutions = string | readonly string[];

export interface Translate {
  (key: PlainKey, substitutions?: Substitutions): string;
  /** A counted message: `count`, formatted for the language, is its first placeholder ($1). */
  (key: PluralKey, count: number, substitutions?: readonly string[]): string;
}

/** `browser.i18n.getMessage`'s shape: '' for a key the catalogue lacks. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numberFormatFor(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

/** The key of `name`'s form for `count` in `locale`: `name_one`, `name_many`, `name_other`… */
export function pluralKeyOf(name: string, count: number, locale: string): string {
  return `${name}_${rulesFor(locale).select(count)}`;
}

function toList(substitutions: Substitutions | undefined): string[] {
  if (substitutions === undefined) return [];
  return typeof substitutions === 'string' ? [substitutions] : [...substitutions];
}

/**
 * A translator over `getMessage` for `locale` (the language the catalogue answers in, which picks
 * the plural forms and formats the counts). A key missing from the catalogue shows as the key.
 */
export function createTranslator(getMessage: GetMessage, locale: string): Translate {
  const translate = (key: string, countOrSubstitutions?: number | Substitutions, rest?: readonly string[]) => {
    if (typeof countOrSubstitutions !== 'number') return getMessage(key, toList(countOrSubstitutions)) || key;
    const substitutions = [numberFormatFor(locale).format(countOrSubstitutions), ...(rest ?? [])];
    return (
      getMessage(pluralKeyOf(key, countOrSubstitutions, locale), substitutions) ||
      getMessage(`${key}_other`, substitutions) ||
      key
    );
  };
  return translate as Translate;
}

/** One catalogue entry, as in `messages.json`. */
export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalog = Record<string, CatalogEntry>;

/**
 * Formats a catalogue entry the way `browser.i18n.getMessage` does ($NAME$ placeholders bound to
 * $1…$9), so that the CLI, tests and previews read the same strings.
 */
export function catalogGetMessage(catalog: Catalog): GetMessage {
  return (key, substitutions = []) => {
    const entry = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    if (!entry) return '';
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    });
  };
}

/** A translator over a catalogue object (English for the CLI; any locale in tests). */
export function createCatalogTranslator(catalog: Catalog, locale = 'en'): Translate {
  return createTranslator(catalogGetMessage(catalog), locale);
}
