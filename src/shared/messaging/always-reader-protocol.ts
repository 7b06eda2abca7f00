/**
 * "Always open in reader on this site", served by the background (which owns the setting, the
 * registered page script and the article handed to the reader in the same tab).
 */
import type { ExtractResult } from '../../extract/types';
import type { AlwaysReaderEntry, AlwaysReaderSite, AutoOpenOutcome, NavigationKind } from '../always-reader-types';
import type { SaveResult } from './library-protocol';
import type { SenderRoles } from './sender-roles';

const EXTENSION = ['extension'] as const;
/** The registered page script, about its own tab (the handler uses `sender.tab`). */
const OWN_TAB_CONTENT = ['content'] as const;

export interface AlwaysReaderBackgroundApi {
  /** The tab's site and whether it is chosen; fails on pages the browser keeps extensions out of. */
  'alwaysReader.site': (req: { tabId: number }) => AlwaysReaderSite;
  /** Chooses or forgets a site (the page asks for the site's access before turning it on). */
  'alwaysReader.set': (req: { host: string; on: boolean }) => AlwaysReaderEntry[];
  'alwaysReader.list': (req: Record<string, never>) => AlwaysReaderEntry[];
  /** From the page script on a chosen site, after a fresh load: opens the reader when it is an article. */
  'alwaysReader.pageLoaded': (req: { navigation: NavigationKind }) => { outcome: AutoOpenOutcome };
  /** From the reader page the tab now shows: the article it was opened for, or null when gone. */
  'alwaysReader.article': (req: { url: string }) => ExtractResult | null;
  /**
   * From that reader page: saves the article kept for it to the library, as saving the page from
   * its tab would; fails `not-found` (`reader-page-gone`) once nothing is kept (a restarted browser).
   */
  'alwaysReader.save': (req: { url: string }) => SaveResult;
  /** From that reader page: back to the page, which then stays (no new opening for it in this tab). */
  'alwaysReader.showOriginal': (req: { url: string }) => { shown: true };
}

export const alwaysReaderSenders: SenderRoles<AlwaysReaderBackgroundApi> = {
  'alwaysReader.site': EXTENSION,
  'alwaysReader.set': EXTENSION,
  'alwaysReader.list': EXTENSION,
  'alwaysReader.pageLoaded': OWN_TAB_CONTENT,
  'alwaysReader.article': EXTENSION,
  'alwaysReader.save': EXTENSION,
  'alwaysReader.showOriginal': EXTENSION,
};
