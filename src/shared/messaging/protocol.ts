/**
 * One protocol map per receiver. Names are `domain.verb`; payloads are plain JSON.
 * Adding an entry makes every serving handler object fail to compile until it handles it.
 */
import type { ExtractResult } from '../../extract/types';
import { highlightSenders, type HighlightBackgroundApi } from './highlight-protocol';
import { librarySenders, type LibraryBackgroundApi } from './library-protocol';
import type { SenderRoles } from './sender-roles';
import type {
  ClutterPlan,
  ClutterSettings,
  GroupSwitches,
  HideGroup,
  PageClutterReport,
  PickOutcome,
  TabClutterState,
} from '../clutter-types';
import type { FailureReason } from '../i18n/failures';

import {
  offscreenSenders as libraryOffscreenSenders,
  type OffscreenApi as LibraryOffscreenApi,
} from './library-protocol';
import {
  filterListSenders,
  listOffscreenSenders,
  type FilterListBackgroundApi,
  type ListOffscreenApi,
} from './filter-list-protocol';
import { syncSenders, type SyncBackgroundApi } from './sync-protocol';
import { sendToSenders, type SendToBackgroundApi } from './sendto-protocol';
import { alwaysReaderSenders, type AlwaysReaderBackgroundApi } from './always-reader-protocol';

/** Served by Chrome's offscreen document: DOM work for the library, the filter-list parser. */
export interface OffscreenApi extends LibraryOffscreenApi, ListOffscreenApi {}

export const offscreenSenders: SenderRoles<OffscreenApi> = /* @__PURE__ */ Object.assign(
  {},
  libraryOffscreenSenders,
  listOffscreenSenders,
);

/** Commands only the extension's own pages and background may send. */
const EXTENSION = ['extension'] as const;
/** Commands a script of ours in a web page sends about its own tab (the handler uses `sender.tab`). */
const OWN_TAB_CONTENT = ['content'] as const;

/** Served by the content script in a tab. */
export interface ContentApi {
  'content.ping': (req: Record<string, never>) => { ready: true };
  'reader.extract': (req: { force?: boolean; keepComments?: boolean }) => ExtractResult;
}

/** Only the background asks the page (`contentOf` is called from there). */
export const contentSenders: SenderRoles<ContentApi> = {
  'content.ping': EXTENSION,
  'reader.extract': EXTENSION,
};

/**
 * Served by the small clutter script in a tab (clutter.js): injected on demand, or registered for
 * the sites where hiding is always on.
 */
export interface ClutterPageApi {
  'clutter.ping': (req: Record<string, never>) => { ready: true };
  'clutter.apply': (req: ClutterPlan) => PageClutterReport;
  'clutter.showAll': (req: Record<string, never>) => PageClutterReport;
  'clutter.report': (req: Record<string, never>) => PageClutterReport | null;
  /** The background inserted these stylesheets into the document. */
  'clutter.sheetsAdded': (req: { sheets: string[] }) => PageClutterReport | null;
  /** Starts the element picker; the page reports the pick with `clutter.addPicked`. */
  'clutter.startPicker': (req: Record<string, never>) => { started: true };
}

/** Only the background drives the page's clutter script (`clutterOf` is called from there). */
export const clutterPageSenders: SenderRoles<ClutterPageApi> = {
  'clutter.ping': EXTENSION,
  'clutter.apply': EXTENSION,
  'clutter.showAll': EXTENSION,
  'clutter.report': EXTENSION,
  'clutter.sheetsAdded': EXTENSION,
  'clutter.startPicker': EXTENSION,
};

/** Live clutter hiding, served by the background (which owns the settings and tab scripting). */
export interface ClutterBackgroundApi {
  /** The popup opened on a tab: applies the site's saved choices (the click grants access). */
  'clutter.open': (req: { tabId: number }) => TabClutterState;
  'clutter.setGroup': (req: { tabId: number; group: HideGroup; hidden: boolean }) => TabClutterState;
  'clutter.showAll': (req: { tabId: number }) => TabClutterState;
  /** Call after the host permission was granted (turning on) — the page asks for it. */
  'clutter.setAlwaysOn': (req: { tabId: number; on: boolean }) => TabClutterState;
  'clutter.startPicker': (req: { tabId: number }) => { started: true };
  /** From the page script: the user picked an element; saved as a rule for the sender's site. */
  'clutter.addPicked': (req: { selector: string }) => PickOutcome;
  /**
   * From the page script as it starts: what to hide here and the stylesheets the background has
   * inserted for it, or null when the site is not always-on.
   */
  'clutter.attach': (req: Record<string, never>) => { plan: ClutterPlan; sheets: string[] } | null;
  'clutter.settings': (req: Record<string, never>) => ClutterSettings;
  'clutter.setDefaults': (req: { defaults?: GroupSwitches; everywhere?: boolean }) => ClutterSettings;
  /** Changes one site's choices; `null` forgets the site (it follows the defaults again). */
  'clutter.updateSite': (req: {
    host: string;
    change: { groups?: GroupSwitches; alwaysOn?: boolean } | null;
  }) => ClutterSettings;
  'clutter.removePicked': (req: { host: string; selector: string }) => ClutterSettings;
}

/**
 * The clutter script in a page sends only what concerns its own tab: the pick the user made there,
 * and the question of what to hide there. Everything that names a tab, or changes the settings of
 * every site, comes from the extension's pages.
 */
export const clutterBackgroundSenders: SenderRoles<ClutterBackgroundApi> = {
  'clutter.open': EXTENSION,
  'clutter.setGroup': EXTENSION,
  'clutter.showAll': EXTENSION,
  'clutter.setAlwaysOn': EXTENSION,
  'clutter.startPicker': EXTENSION,
  'clutter.addPicked': OWN_TAB_CONTENT,
  'clutter.attach': OWN_TAB_CONTENT,
  'clutter.settings': EXTENSION,
  'clutter.setDefaults': EXTENSION,
  'clutter.updateSite': EXTENSION,
  'clutter.removePicked': EXTENSION,
};

/**
 * Served by the background, the only owner of storage. Reading a tab is not here: the surfaces ask
 * the tab themselves (src/shared/tab-content.ts), so a click never waits for a sleeping worker.
 */
export interface BackgroundApi
  extends
    LibraryBackgroundApi,
    HighlightBackgroundApi,
    ClutterBackgroundApi,
    FilterListBackgroundApi,
    SyncBackgroundApi,
    SendToBackgroundApi,
    AlwaysReaderBackgroundApi {}

// Marked pure so that the scripts in pages, which import this module for their own maps, do not
// carry the background's.
export const backgroundSenders: SenderRoles<BackgroundApi> = /* @__PURE__ */ Object.assign(
  {},
  librarySenders,
  highlightSenders,
  clutterBackgroundSenders,
  filterListSenders,
  syncSenders,
  sendToSenders,
  alwaysReaderSenders,
);

export type Receiver = 'background' | 'content' | 'clutter' | 'offscreen';

export type ErrorCode =
  /** The browser does not let extensions script this page (browser pages, stores, PDF viewer). */
  | 'restricted'
  /** The extension has no permission for this tab (needs a click on the toolbar button). */
  | 'no-access'
  /** The tab is gone. */
  | 'no-tab'
  | 'bad-request'
  /** The sending context may not send this message (a web page's script asking for the library). */
  | 'forbidden'
  /** Storage is full: nothing was written, nothing already saved was lost. */
  | 'quota'
  /** The saved article (or the deletion to undo) does not exist. */
  | 'not-found'
  /** An import file is corrupt or of a kind Tidy Reader cannot read; nothing was changed. */
  | 'invalid-file'
  | 'failed';

export interface MessageError {
  code: ErrorCode;
  /** English, for logs; the pages say `reason` (else `code`) in the reader's language. */
  message: string;
  reason?: FailureReason;
  params?: string[];
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
