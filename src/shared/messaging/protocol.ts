/**
 * One protocol map per receiver. Names are `domain.verb`; payloads are plain JSON.
 * Adding an entry makes every serving handler object fail to compile until it handles it.
 */
import type { ExtractResult } from '../../extract/types';
import type { LibraryBackgroundApi } from './library-protocol';

export type { OffscreenApi } from './library-protocol';

/** Served by the content script in a tab. */
export interface ContentApi {
  'content.ping': (req: Record<string, never>) => { ready: true };
  'reader.extract': (req: { force?: boolean; keepComments?: boolean }) => ExtractResult;
}

/** Served by the background; the only owner of storage and of tab scripting. */
export interface BackgroundApi extends LibraryBackgroundApi {
  'tab.extract': (req: { tabId: number; force?: boolean }) => ExtractResult;
}

export type Receiver = 'background' | 'content' | 'offscreen';

export type ErrorCode =
  /** The browser does not let extensions script this page (browser pages, stores, PDF viewer). */
  | 'restricted'
  /** The extension has no permission for this tab (needs a click on the toolbar button). */
  | 'no-access'
  /** The tab is gone. */
  | 'no-tab'
  | 'bad-request'
  /** Storage is full: nothing was written, nothing already saved was lost. */
  | 'quota'
  /** The saved article (or the deletion to undo) does not exist. */
  | 'not-found'
  /** An import file is corrupt or of a kind Tidy Reader cannot read; nothing was changed. */
  | 'invalid-file'
  | 'failed';

export interface MessageError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: MessageError };

type AnyApi = object;

export type RequestOf<A extends AnyApi, K extends keyof A> = A[K] extends (req: infer R) => unknown ? R : never;
export type ResponseOf<A extends AnyApi, K extends keyof A> = A[K] extends (req: never) => infer R ? R : never;

export interface Envelope {
  channel: 'tidy-reader';
  to: Receiver;
  type: string;
  req: unknown;
}
