import type { ExtractResult } from '../../extract/types';
import type { FailureReason } from '../../shared/i18n/failures';
import type { ErrorCode } from '../../shared/messaging/protocol';
import type { Translate } from '../i18n';
import type { SurfaceApi } from './surface-api';
import type { LibraryApi } from './library-api';
import type { ClutterApi } from './clutter-api';
import type { FilterListsApi } from './filter-lists-api';
import type { SyncApi } from './sync-api';
import type { HighlightsApi } from './highlights-api';
import type { SendToApi } from './sendto-api';
import type { AlwaysReaderApi } from './always-reader-api';

/** The only way UI code reaches the extension; `createRuntimeApi` in pages, `createMockApi` in tests. */
export interface ExtensionApi extends SurfaceApi {
  /** The tab a page acts on: `?tabId=N` when given, else the active tab of the current window. */
  getTargetTabId(): Promise<number | null>;
  extractTab(tabId: number, options?: { force?: boolean }): Promise<ExtractResult>;
  /** The offline library (saving, listing, export and import). */
  library: LibraryApi;
  /** Highlights and notes of saved articles. */
  highlights: HighlightsApi;
  /** Hiding comments and promos on the live page, per site. */
  clutter: ClutterApi;
  /** The community filter lists the reader subscribed to. */
  lists: FilterListsApi;
  /** The sync with the reader's WebDAV folder. */
  sync: SyncApi;
  /** Send to the reader's Readeck or wallabag. */
  sendTo: SendToApi;
  /** "Always open in reader on this site". */
  alwaysReader: AlwaysReaderApi;
  t: Translate;
  /** The language the pages are shown in (the catalogue's), as a BCP 47 tag. */
  uiLanguage: string;
}

/**
 * A failure the UI can explain; `code` decides which state is shown, `failureText` says it
 * (`reason` and `params` in the reader's language; `message` is English for the logs).
 */
export interface ApiFailure {
  code: ErrorCode;
  message: string;
  reason?: FailureReason;
  params?: string[];
}

export function toApiFailure(error: unknown): ApiFailure {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message, reason, params } = error as ApiFailure;
    return { code, message: String(message), ...(reason ? { reason } : {}), ...(params ? { params } : {}) };
  }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

export { readTabIdParam } from '../../shared/reader-url';
