/** The extension's translator: the browser's catalogue for its UI language (extension contexts only). */
import { browser } from '../browser';
import { createTranslator, type Translate } from './translate';

export interface RuntimeLanguage {
  t: Translate;
  /** The language the catalogue answers in (`languageTag`), for `lang`, plurals, numbers and dates. */
  language: string;
}

export function createRuntimeTranslator(): RuntimeLanguage {
  const getMessage = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions);
  // A browser in a language we do not ship reads the English catalogue: count and date in English too.
  const language = getMessage('languageTag') || browser.i18n.getUILanguage();
  return { t: createTranslator(getMessage, language), language };
}
