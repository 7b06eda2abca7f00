import type enMessages from '../_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * Formats a catalog entry the way `browser.i18n.getMessage` does ($NAME$ placeholders bound to
 * $1…$9), so that tests and previews outside the extension read the same strings.
 */
export function createCatalogTranslator(catalog: Catalog): Translate {
  return (key, substitutions) => {
    const entry = catalog[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    });
  };
}
