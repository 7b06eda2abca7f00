import type { Handlers, MessageSender } from '../../shared/messaging/messenger';
import { MessagingError } from '../../shared/messaging/messenger';
import type { ClutterBackgroundApi } from '../../shared/messaging/protocol';
import type { ClutterPlan, ClutterSettings, PageClutterReport, TabClutterState } from '../../shared/clutter-types';
import { hasAnything, isAlwaysOn, planFor, sheetsFor, siteOf } from './clutter-plan';
import { syncRegistrations } from './clutter-registration';
import type { ClutterSettingsStore } from './clutter-settings-store';
import {
  applyToTab,
  insertSheets,
  pageOfTab,
  reportOfTab,
  showAllOnTab,
  startPickerOnTab,
  type TabPage,
} from './clutter-tab';

const MAX_SELECTOR_CHARS = 500;

function stateOf(settings: ClutterSettings, page: TabPage, report: PageClutterReport | null): TabClutterState {
  const site = siteOf(settings, page.host);
  return {
    host: page.host,
    origin: page.origin,
    groups: site.groups,
    isCustomised: page.host in settings.sites,
    alwaysOn: site.alwaysOn,
    everywhere: settings.everywhere,
    picked: site.picked,
    report,
  };
}

function senderTab(sender: MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new MessagingError('bad-request', 'Only a page script may send this.');
  return tabId;
}

export function createClutterHandlers(
  ready: Promise<void>,
  store: ClutterSettingsStore,
  /** Whether subscribed filter lists have rules (the page then asks which apply to it). */
  listsActive: () => Promise<boolean> = async () => false,
): Handlers<ClutterBackgroundApi> {
  const planWithLists = async (settings: ClutterSettings, host: string): Promise<ClutterPlan> => {
    const plan = planFor(settings, host);
    return (await listsActive().catch(() => false)) ? { ...plan, lists: true } : plan;
  };
  /** Saves a change to the tab's site, re-registers always-on scripts, and applies it to the tab. */
  const changeSite = async (tabId: number, change: (site: ClutterSettings['sites'][string]) => void) => {
    await ready;
    const page = await pageOfTab(tabId);
    const settings = await store.update((s) => {
      const site = siteOf(s, page.host);
      change(site);
      s.sites[page.host] = site;
    });
    await syncRegistrations(settings);
    return { page, settings };
  };

  return {
    'clutter.open': async ({ tabId }) => {
      await ready;
      const page = await pageOfTab(tabId);
      const settings = await store.get();
      const plan = await planWithLists(settings, page.host);
      // Opening the popup is the user's click: the site's saved choices apply now.
      const report = hasAnything(plan) ? await applyToTab(tabId, page.host, plan) : await reportOfTab(tabId);
      return stateOf(settings, page, report);
    },
    'clutter.setGroup': async ({ tabId, group, hidden }) => {
      const { page, settings } = await changeSite(tabId, (site) => (site.groups[group] = hidden));
      const report = await applyToTab(tabId, page.host, await planWithLists(settings, page.host));
      return stateOf(settings, page, report);
    },
    'clutter.showAll': async ({ tabId }) => {
      await ready;
      const page = await pageOfTab(tabId);
      const report = await showAllOnTab(tabId);
      return stateOf(await store.get(), page, report);
    },
    'clutter.setAlwaysOn': async ({ tabId, on }) => {
      const { page, settings } = await changeSite(tabId, (site) => (site.alwaysOn = on));
      return stateOf(settings, page, await reportOfTab(tabId));
    },
    'clutter.startPicker': async ({ tabId }) => {
      await ready;
      await startPickerOnTab(tabId);
      return { started: true };
    },
    'clutter.addPicked': async ({ selector }, sender) => {
      const tabId = senderTab(sender);
      const clean = typeof selector === 'string' ? selector.trim() : '';
      if (clean === '' || clean.length > MAX_SELECTOR_CHARS || /[{}]/.test(clean)) {
        return { status: 'refused', reason: 'page' };
      }
      const { page, settings } = await changeSite(tabId, (site) => {
        if (!site.picked.includes(clean)) site.picked.push(clean);
      });
      const report = await applyToTab(tabId, page.host, await planWithLists(settings, page.host));
      return { status: 'saved', selector: clean, count: report.counts.picked };
    },
    'clutter.attach': async (_req, sender) => {
      await ready;
      const tabId = senderTab(sender);
      const page = await pageOfTab(tabId);
      const settings = await store.get();
      const plan = await planWithLists(settings, page.host);
      if (!isAlwaysOn(settings, page.host) || !hasAnything(plan)) return null;
      const sheets = sheetsFor(plan);
      await insertSheets(tabId, page.host, sheets);
      return { plan, sheets };
    },
    'clutter.settings': async () => {
      await ready;
      return store.get();
    },
    'clutter.setDefaults': async ({ defaults, everywhere }) => {
      await ready;
      const settings = await store.update((s) => {
        if (defaults) s.defaults = { comments: defaults.comments === true, promos: defaults.promos === true };
        if (everywhere !== undefined) s.everywhere = everywhere;
      });
      await syncRegistrations(settings);
      return settings;
    },
    'clutter.updateSite': async ({ host, change }) => {
      await ready;
      const settings = await store.update((s) => {
        if (change === null) {
          delete s.sites[host];
          return;
        }
        const site = siteOf(s, host);
        if (change.groups) site.groups = { comments: change.groups.comments, promos: change.groups.promos };
        if (change.alwaysOn !== undefined) site.alwaysOn = change.alwaysOn;
        s.sites[host] = site;
      });
      await syncRegistrations(settings);
      return settings;
    },
    'clutter.removePicked': async ({ host, selector }) => {
      await ready;
      return store.update((s) => {
        const site = s.sites[host];
        if (site) site.picked = site.picked.filter((p) => p !== selector);
      });
    },
  };
}
