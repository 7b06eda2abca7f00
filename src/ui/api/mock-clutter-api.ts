import type { ClutterApi, ClutterSettings, PageClutterReport, TabClutterState } from './clutter-api';

export interface MockClutterOptions {
  host?: string;
  /** What the page reports hidden for each switched-on group. */
  found?: { comments: number; promos: number };
  settings?: ClutterSettings;
  /** Whether the user grants site access when asked. */
  grants?: boolean;
}

export type MockClutterApi = ClutterApi & {
  settingsNow: ClutterSettings;
  calls: { picker: number; permissionRequests: string[][] };
};

/** An in-memory `ClutterApi` for component tests and previews: one tab on one host. */
export function createMockClutterApi(options: MockClutterOptions = {}): MockClutterApi {
  const host = options.host ?? 'www.example.com';
  const found = options.found ?? { comments: 1, promos: 3 };
  const calls: MockClutterApi['calls'] = { picker: 0, permissionRequests: [] };
  let settings: ClutterSettings = structuredClone(
    options.settings ?? { defaults: { comments: false, promos: false }, everywhere: false, sites: {} },
  );
  let report: PageClutterReport | null = null;

  const site = () => settings.sites[host] ?? { groups: { ...settings.defaults }, alwaysOn: false, picked: [] };
  const run = (showAll = false): PageClutterReport => {
    const { groups, picked } = site();
    report = {
      counts: {
        comments: groups.comments && !showAll ? found.comments : 0,
        promos: groups.promos && !showAll ? found.promos : 0,
        picked: showAll ? 0 : picked.length,
      },
      groups,
      showAll,
      discussion: false,
      sheets: [],
    };
    return report;
  };
  const state = (): TabClutterState => ({
    host,
    origin: `https://${host}/*`,
    groups: site().groups,
    isCustomised: host in settings.sites,
    alwaysOn: site().alwaysOn,
    everywhere: settings.everywhere,
    picked: site().picked,
    report,
  });
  const change = (edit: (s: ReturnType<typeof site>) => void) => {
    const next = structuredClone(site());
    edit(next);
    settings = { ...settings, sites: { ...settings.sites, [host]: next } };
  };

  return {
    get settingsNow() {
      return settings;
    },
    calls,
    async open() {
      const { groups, picked } = site();
      if (groups.comments || groups.promos || picked.length > 0) run();
      return state();
    },
    async setGroup(_tabId, group, hidden) {
      change((s) => (s.groups[group] = hidden));
      run();
      return state();
    },
    async showAll() {
      run(true);
      return state();
    },
    async setAlwaysOn(_tabId, origin, on) {
      if (on) calls.permissionRequests.push([origin]);
      if (on && options.grants === false) return { granted: false, state: null };
      change((s) => (s.alwaysOn = on));
      return { granted: true, state: state() };
    },
    async startPicker() {
      calls.picker += 1;
    },
    settings: async () => settings,
    async setDefaults(defaults) {
      settings = { ...settings, defaults };
      return settings;
    },
    async setEverywhere(on) {
      if (on) calls.permissionRequests.push(['http://*/*', 'https://*/*']);
      if (on && options.grants === false) return { granted: false, settings };
      settings = { ...settings, everywhere: on };
      return { granted: true, settings };
    },
    async updateSite(siteHost, next) {
      const sites = { ...settings.sites };
      if (next === null) delete sites[siteHost];
      else {
        const current = sites[siteHost] ?? { groups: { ...settings.defaults }, alwaysOn: false, picked: [] };
        sites[siteHost] = { ...current, ...next };
      }
      settings = { ...settings, sites };
      return settings;
    },
    async removePicked(siteHost, selector) {
      const current = settings.sites[siteHost];
      if (current) {
        settings = {
          ...settings,
          sites: {
            ...settings.sites,
            [siteHost]: { ...current, picked: current.picked.filter((p) => p !== selector) },
          },
        };
      }
      return settings;
    },
  };
}
