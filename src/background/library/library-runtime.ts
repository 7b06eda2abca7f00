/** Builds the background's library from the browser's parts: database, DOM host, permissions. */
import { browser } from '../../shared/browser';
import { originPattern } from '../../shared/origin-pattern';
import { LibraryDb } from '../../storage/schema';
import { repairSearchIndex } from '../../storage/search-index';
import type { DomHost } from '../../library-io/dom-host';
import { createBackgroundDomHost } from './dom-host-client';
import { createHighlightService, type HighlightService } from './highlight-service';
import { createImportJobs, type ImportJobs } from './import-jobs';
import { createLibraryExchange, type LibraryExchange } from './library-exchange';
import { createLibraryService, type LibraryService } from './library-service';
import { createTransfers, type Transfers } from './transfers';

export interface LibraryRuntime {
  /** The database, for the sync (src/background/sync), which keeps its own records beside the library. */
  db: LibraryDb;
  dom: DomHost;
  service: LibraryService;
  highlights: HighlightService;
  exchange: LibraryExchange;
  imports: ImportJobs;
  transfers: Transfers;
}

export async function createLibraryRuntime(): Promise<LibraryRuntime> {
  const db = new LibraryDb();
  await db.open();
  const dom = createBackgroundDomHost();
  const service = createLibraryService({
    db,
    dom,
    fetchImpl: (...args) => fetch(...args),
    canReach: (origin) => browser.permissions.contains({ origins: [originPattern(origin)] }),
    estimateStorage: () => navigator.storage.estimate(),
    keptPage: { storage: browser.storage.session, version: browser.runtime.getManifest().version },
  });
  // Housekeeping, not awaited: the message that woke the worker should not wait for it.
  void service.repo.purgeTrash().catch(() => undefined);
  // After the first screen has been answered: the check reads two counts.
  setTimeout(() => void repairSearchIndex(db).catch(() => undefined), 2000);
  const highlights = createHighlightService({
    db,
    records: service.records,
    changed: service.highlightsChanged,
  });
  const exchange = createLibraryExchange({ service, highlights, dom });
  return {
    db,
    dom,
    service,
    highlights,
    exchange,
    imports: createImportJobs((bytes, options) => exchange.importFile(bytes, options).finally(highlights.forget)),
    transfers: createTransfers(),
  };
}
