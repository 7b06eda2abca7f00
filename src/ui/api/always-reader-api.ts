import type { ExtractResult } from '../../extract/types';
import type { AlwaysReaderEntry, AlwaysReaderSite } from '../../shared/always-reader-types';
import type { SaveResult } from './library-api';

export type { AlwaysReaderEntry, AlwaysReaderSite } from '../../shared/always-reader-types';

/** "Always open in reader on this site" (`api.alwaysReader`). */
export interface AlwaysReaderApi {
  /** The tab's site and whether it is chosen; fails on pages the browser keeps extensions out of. */
  site(tabId: number): Promise<AlwaysReaderSite>;
  /**
   * Chooses the site or forgets it. Turning on asks for access to `origin`: browsers show the
   * prompt only during a user gesture, so call it first thing in a click handler. Resolves with
   * `granted: false` (and the site not chosen) when the user declines.
   */
  setSite(
    site: { host: string; origin: string },
    on: boolean,
  ): Promise<{ granted: boolean; sites: AlwaysReaderEntry[] }>;
  /** The chosen sites, for the settings page. */
  list(): Promise<AlwaysReaderEntry[]>;
  /** Stops opening the reader by itself on `host` (the site's access stays, as for hiding). */
  remove(host: string): Promise<AlwaysReaderEntry[]>;
  /** The reader taking a page's place in its tab: that page's article, or null when it is gone. */
  articleFor(pageUrl: string): Promise<ExtractResult | null>;
  /**
   * From that reader: saves its article to the library as saving the page from its tab would
   * (the page itself is gone from the tab).
   */
  save(pageUrl: string): Promise<SaveResult>;
  /** From that reader: back to the page, which then stays. */
  showOriginal(pageUrl: string): Promise<void>;
}
