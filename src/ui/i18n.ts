/** The UI's view of the one translator (`src/shared/i18n/translate.ts`). */
export {
  createCatalogTranslator,
  type MessageKey,
  type PlainKey,
  type PluralKey,
  type Translate,
} from '../shared/i18n/translate';
export { failureText, NOT_ARTICLE_KEYS } from '../shared/i18n/failures';
