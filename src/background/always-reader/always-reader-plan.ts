/**
 * Pure decisions of "Always open in reader on this site": the setting as stored, the page script
 * the browser runs on the chosen sites, and which pages open in the reader.
 */
import type { ExtractResult } from '../../extract/types';
import type { AlwaysReaderSettings } from '../../shared/always-reader-types';
import { originsOf } from '../clutter/clutter-plan';

export const ALWAYS_READER_SCRIPT = 'always-reader.js';
/** Apart from the clutter registrations (`tidy-clutter-`), which rebuild only their own. */
export const ALWAYS_READER_REGISTRATION = 'tidy-always-reader';

/** Host names only: no scheme, path, port or pattern characters (a match pattern is built from it). */
const HOST = /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i;

export function isHostName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253 && HOST.test(value);
}

/** The setting read from storage, whatever its state: anything malformed is left out. */
export function normaliseAlwaysReader(raw: unknown): AlwaysReaderSettings {
  const sites = (typeof raw === 'object' && raw !== null ? (raw as { sites?: unknown }).sites : undefined) ?? [];
  const hosts = Array.isArray(sites) ? sites.filter(isHostName).map((h) => h.toLowerCase()) : [];
  return { sites: [...new Set(hosts)].sort() };
}

/** The setting with `host` chosen (`on`) or forgotten. */
export function withSite(settings: AlwaysReaderSettings, host: string, on: boolean): AlwaysReaderSettings {
  const rest = settings.sites.filter((h) => h !== host.toLowerCase());
  return { sites: on && isHostName(host) ? [...rest, host.toLowerCase()].sort() : rest };
}

export function isChosen(settings: AlwaysReaderSettings, host: string): boolean {
  return settings.sites.includes(host.toLowerCase());
}

export interface AlwaysReaderRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: true;
}

/**
 * The page script's registration: the chosen sites' origins the extension has access to
 * (`mayRun`), or null when there is none (the browser would not run it anywhere).
 */
export function registrationFor(
  settings: AlwaysReaderSettings,
  mayRun: (pattern: string) => boolean,
): AlwaysReaderRegistration | null {
  const matches = settings.sites.flatMap(originsOf).filter(mayRun);
  if (matches.length === 0) return null;
  return {
    id: ALWAYS_READER_REGISTRATION,
    matches,
    js: [ALWAYS_READER_SCRIPT],
    // After the page has loaded: the engine reads the whole document.
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * Whether the engine takes the page for an article: not refused, and not a list, a thread, a
 * product or a plain page, which people use as they are.
 */
export function isArticlePage(result: ExtractResult): boolean {
  return result.isArticle && result.pageType === 'article';
}
