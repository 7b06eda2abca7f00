import { englishReason } from '../i18n/english';
import type { FailureReason } from '../i18n/failures';
import type { ErrorCode } from './protocol';
import { MessagingError } from './messenger';

/** A `MessagingError` for `reason`, with its English message for the logs. */
export function failure(code: ErrorCode, reason: FailureReason, params: string[] = []): MessagingError {
  return new MessagingError(code, englishReason(reason, params), { reason, params });
}
