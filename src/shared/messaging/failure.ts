import type { FailureReason } from '../i18n/failures';
import type { ErrorCode } from './protocol';
import { MessagingError } from './messenger';

/**
 * A `MessagingError` for `reason`. Its `message` (for logs and developer tools) is the reason's code
 * and parameters: the pages say it in the reader's language from the reason, and leaving the English
 * catalogue out keeps it out of the popup's first script, which every click on the toolbar loads.
 */
export function failure(code: ErrorCode, reason: FailureReason, params: string[] = []): MessagingError {
  const message = params.length > 0 ? `${reason} (${params.join(', ')})` : reason;
  return new MessagingError(code, message, { reason, params });
}
