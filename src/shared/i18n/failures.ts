/**
 * Failures travel as codes: an `ErrorCode` (what kind, which decides the state a page shows) and,
 * where there is more to say, a `FailureReason` with its parameters. The pages put them into
 * words here, in the reader's language; the English `message` beside them is for logs only.
 */
import type { NotArticleReason } from '../../extract/types';
import type { ErrorCode } from '../messaging/protocol';
import type { PlainKey, Translate } from './translate';

/** The engine's reasons there is nothing to read, in words. */
export const NOT_ARTICLE_KEYS = {
  'no-text': 'notArticleNoText',
  'sign-in': 'notArticleSignIn',
  links: 'notArticleLinks',
  'too-large': 'notArticleTooLarge',
} as const satisfies Record<NotArticleReason, PlainKey>;

/** Every reason a request can fail for that a person is told about, and its message. */
export const FAILURE_KEYS = {
  ...NOT_ARTICLE_KEYS,
  'browser-page': 'failureBrowserPage',
  'extension-page': 'failureExtensionPage',
  'extension-store': 'failureExtensionStore',
  'local-file': 'failureLocalFile',
  pdf: 'failurePdf',
  'not-web-page': 'failureNotWebPage',
  'tab-closed': 'failureTabClosed',
  'needs-click': 'failureNeedsClick',
  'nothing-to-export': 'failureNothingToExport',
  'not-web-address': 'failureNotWebAddress',
  'article-gone': 'failureArticleGone',
  'reader-page-gone': 'failureReaderPageGone',
  'undo-expired': 'failureUndoExpired',
  'highlight-gone': 'failureHighlightGone',
  'highlight-invalid': 'failureHighlightInvalid',
  'storage-full': 'failureStorageFull',
  'transfer-expired': 'failureTransferExpired',
  'import-interrupted': 'failureImportInterrupted',
  'file-too-large': 'failureFileTooLarge',
  'chunks-out-of-order': 'failureChunksOutOfOrder',
  'file-incomplete': 'failureFileIncomplete',
  'not-an-export': 'failureNotAnExport',
  'foreign-file': 'failureForeignFile',
  'file-empty': 'failureFileEmpty',
  'zip-too-large': 'failureZipTooLarge',
  'zip-damaged': 'failureZipDamaged',
  'not-an-archive': 'failureNotAnArchive',
  'archive-unreadable': 'failureArchiveUnreadable',
  'archive-newer': 'failureArchiveNewer',
  'archive-article': 'failureArchiveArticle',
  'archive-field': 'failureArchiveField',
  'archive-image': 'failureArchiveImage',
  'omnivore-unreadable': 'failureOmnivoreUnreadable',
  'omnivore-not-list': 'failureOmnivoreNotList',
  'omnivore-empty': 'failureOmnivoreEmpty',
  'pocket-no-url-column': 'failurePocketNoUrlColumn',
  'pocket-empty': 'failurePocketEmpty',
  'pocket-html-empty': 'failurePocketHtmlEmpty',
} as const satisfies Record<string, PlainKey>;

export type FailureReason = keyof typeof FAILURE_KEYS;

/** What to say when a failure comes with no reason of its own. */
const CODE_KEYS = {
  restricted: 'restrictedTitle',
  'no-access': 'failureNeedsClick',
  'no-tab': 'failureTabClosed',
  'bad-request': 'failureBadRequest',
  forbidden: 'failureForbidden',
  quota: 'failureStorageFull',
  'not-found': 'failureArticleGone',
  'invalid-file': 'failureForeignFile',
  failed: 'failureUnexpected',
} as const satisfies Record<ErrorCode, PlainKey>;

/** A failure as it crosses contexts: plain JSON. */
export interface FailureDetail {
  code: ErrorCode;
  /** English, for logs and developer tools; never shown. */
  message: string;
  reason?: FailureReason;
  params?: string[];
}

export function isFailureReason(value: unknown): value is FailureReason {
  return typeof value === 'string' && Object.hasOwn(FAILURE_KEYS, value);
}

/** The message for `reason` (with its parameters) in the language of `t`. */
export function reasonText(t: Translate, reason: FailureReason, params: readonly string[] = []): string {
  return t(FAILURE_KEYS[reason], params);
}

/**
 * A failure in words: its reason's message, else its kind's. An unexpected failure (`failed`
 * without a reason: a bug, or the browser refusing something) keeps its own text as a detail to
 * report, since that text comes from the browser and not from us.
 */
export function failureText(
  t: Translate,
  failure: Pick<FailureDetail, 'code' | 'reason' | 'params' | 'message'>,
): string {
  if (failure.reason && isFailureReason(failure.reason)) return reasonText(t, failure.reason, failure.params);
  if (failure.code === 'failed') return t('failureUnexpected', failure.message);
  return t(CODE_KEYS[failure.code] ?? 'failureUnexpected', failure.message);
}
