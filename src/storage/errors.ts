import { englishReason } from '../shared/i18n/english';
import type { FailureReason } from '../shared/i18n/failures';

/** Failures of the library that the UI explains; anything else is an unexpected `failed`. */
export type LibraryErrorCode = 'quota' | 'not-found' | 'invalid-file' | 'bad-request';

/** A library failure: its kind, and the reason the pages put into words (`message` is English). */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    readonly reason: FailureReason,
    readonly params: string[] = [],
  ) {
    super(englishReason(reason, params));
    this.name = 'LibraryError';
  }
}

/** Dexie wraps the browser's DOMException; the name survives in `name` or `inner.name`. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { name, inner } = e as { name?: string; inner?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = inner;
  }
  return false;
}

/** Runs a write and turns a quota failure into the message users get. */
export async function withQuotaMessage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new LibraryError('quota', 'storage-full');
    throw error;
  }
}
