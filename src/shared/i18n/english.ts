/**
 * English from the English catalogue, for what no person reads in their own language: the
 * command-line tool, benchmark reports, and the `message` of an error (logs, developer tools).
 * Pure, with no browser API: the CLI, the engine's tests and the background share it.
 */
import messages from '../../_locales/en/messages.json';
import { reasonText, type FailureReason } from './failures';
import { createCatalogTranslator, type Translate } from './translate';

export const english: Translate = createCatalogTranslator(messages, 'en');

/** The English message of a failure reason: an error's `message`, for logs. */
export function englishReason(reason: FailureReason, params: readonly string[] = []): string {
  return reasonText(english, reason, params);
}
