import type { ExtractResult } from '../../extract/types';
import { MessagingError } from '../../shared/messaging/messenger';
import type { AlwaysReaderApi, AlwaysReaderEntry } from './always-reader-api';
import type { ApiFailure } from './extension-api';
import type { SaveResult } from './library-api';

export interface MockAlwaysReaderOptions {
  /** The host of the tab the popup is on. */
  host?: string;
  sites?: AlwaysReaderEntry[];
  /** Whether the user grants site access when asked. */
  grants?: boolean;
  /** The articles kept for readers that took a page's place, by page address. */
  articles?: Record<string, ExtractResult>;
  /** How saving a reader's article turns out: a result (merged over a plain success) or a failure. */
  save?: (pageUrl: string) => Partial<SaveResult> | ApiFailure;
}

export type MockAlwaysReaderApi = AlwaysReaderApi & {
  readonly sitesNow: AlwaysReaderEntry[];
  calls: { permissionRequests: string[][]; showOriginal: string[]; save: string[] };
};

/** An in-memory `AlwaysReaderApi` for component tests: one tab on one host. */
export function createMockAlwaysReaderApi(options: MockAlwaysReaderOptions = {}): MockAlwaysReaderApi {
  const host = options.host ?? 'www.example.com';
  let sites = [...(options.sites ?? [])];
  const calls: MockAlwaysReaderApi['calls'] = { permissionRequests: [], showOriginal: [], save: [] };
  const set = (siteHost: string, on: boolean) => {
    sites = sites.filter((s) => s.host !== siteHost);
    if (on) sites = [...sites, { host: siteHost, hasAccess: true }].sort((a, b) => a.host.localeCompare(b.host));
    return sites;
  };
  return {
    get sitesNow() {
      return sites;
    },
    calls,
    site: async () => ({ host, origin: `https://${host}/*`, isOn: sites.some((s) => s.host === host) }),
    async setSite(site, on) {
      if (on) calls.permissionRequests.push([site.origin]);
      if (on && options.grants === false) return { granted: false, sites };
      return { granted: true, sites: set(site.host, on) };
    },
    list: async () => sites,
    remove: async (siteHost) => set(siteHost, false),
    articleFor: async (url) => options.articles?.[url] ?? null,
    async save(url) {
      calls.save.push(url);
      const answer = options.save?.(url) ?? {};
      if ('code' in answer) throw new MessagingError(answer.code, answer.message, answer);
      return {
        id: `kept-${calls.save.length}`,
        title: options.articles?.[url]?.title ?? 'A headline',
        isNew: true,
        status: 'complete',
        images: { total: 0, stored: 0 },
        imagesKept: null,
        ...answer,
      };
    },
    async showOriginal(url) {
      calls.showOriginal.push(url);
    },
  };
}
