/**
 * Pure decisions over the clutter settings: what a site hides, and which content scripts the
 * browser should run by itself on always-on sites (so the stylesheets apply before first paint).
 */
import { HIDE_GROUPS, hostsKeeping, matchPatternsOf, PICKED_GROUP, type HideGroup } from '../../clutter';
import type { ClutterPlan, ClutterSettings, GroupSwitches, SiteClutterSettings } from '../../shared/clutter-types';

export const NO_GROUPS: GroupSwitches = { comments: false, promos: false };

export function emptySettings(): ClutterSettings {
  return { defaults: { ...NO_GROUPS }, everywhere: false, sites: {} };
}

function normaliseGroups(raw: unknown): GroupSwitches {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<GroupSwitches>;
  return { comments: r.comments === true, promos: r.promos === true };
}

/** Settings read from storage, whatever their state: anything malformed falls back to defaults. */
export function normaliseSettings(raw: unknown): ClutterSettings {
  const settings = emptySettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const r = raw as Partial<ClutterSettings>;
  settings.defaults = normaliseGroups(r.defaults);
  settings.everywhere = r.everywhere === true;
  for (const [host, site] of Object.entries(r.sites ?? {})) {
    if (typeof site !== 'object' || site === null) continue;
    settings.sites[host] = {
      groups: normaliseGroups(site.groups),
      alwaysOn: site.alwaysOn === true,
      picked: Array.isArray(site.picked) ? site.picked.filter((s): s is string => typeof s === 'string') : [],
    };
  }
  return settings;
}

export function siteOf(settings: ClutterSettings, host: string): SiteClutterSettings {
  return settings.sites[host] ?? { groups: { ...settings.defaults }, alwaysOn: false, picked: [] };
}

export function planFor(settings: ClutterSettings, host: string): ClutterPlan {
  const site = siteOf(settings, host);
  return { groups: { ...site.groups }, picked: [...site.picked] };
}

export function hasAnything(plan: ClutterPlan): boolean {
  return HIDE_GROUPS.some((g) => plan.groups[g]) || plan.picked.length > 0;
}

/** Whether the browser runs the clutter script on `host` by itself. */
export function isAlwaysOn(settings: ClutterSettings, host: string): boolean {
  return settings.sites[host]?.alwaysOn === true || settings.everywhere;
}

/** The stylesheets a plan needs, by name: a group, or one picked selector. */
export function sheetsFor(plan: ClutterPlan): string[] {
  return [...HIDE_GROUPS.filter((g) => plan.groups[g]), ...plan.picked.map((s) => `${PICKED_GROUP}:${s}`)];
}

export const ALL_SITES = ['http://*/*', 'https://*/*'];
export const REGISTRATION_PREFIX = 'tidy-clutter-';

/** Match patterns of one host, by scheme (match patterns ignore ports). */
export function originsOf(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

function keptPatterns(group: HideGroup): string[] {
  return hostsKeeping(group).flatMap(matchPatternsOf);
}

export interface Registration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  runAt: 'document_start';
  persistAcrossSessions: true;
}

/**
 * The content scripts to register: one stylesheet file per group, on the sites that hide it, and
 * the page script on every always-on site (it adds the site's own rules and the text pass).
 * `mayRun(pattern)` says whether the extension holds that host permission; patterns without it
 * are left out, as the browser would not run scripts there.
 */
export function registrationsFor(
  settings: ClutterSettings,
  mayRunEverywhere: boolean,
  mayRun: (pattern: string) => boolean,
): Registration[] {
  const everywhere = settings.everywhere && mayRunEverywhere;
  const allowed = (host: string) => originsOf(host).filter(mayRun);
  const own = Object.entries(settings.sites).filter(([host, site]) => site.alwaysOn && allowed(host).length > 0);
  const result: Registration[] = [];
  const base = { runAt: 'document_start', persistAcrossSessions: true } as const;
  for (const group of HIDE_GROUPS) {
    const matches = own.filter(([, site]) => site.groups[group]).flatMap(([host]) => allowed(host));
    const excludeMatches = keptPatterns(group);
    if (everywhere && settings.defaults[group]) {
      matches.push(...ALL_SITES);
      // Sites with choices of their own that do not hide this group.
      for (const [host, site] of Object.entries(settings.sites)) {
        if (!site.groups[group]) excludeMatches.push(...originsOf(host));
      }
    }
    if (matches.length === 0) continue;
    result.push({
      ...base,
      id: `${REGISTRATION_PREFIX}${group}`,
      matches,
      excludeMatches,
      css: [`clutter-${group}.css`],
    });
  }
  const scriptMatches = everywhere ? [...ALL_SITES] : own.flatMap(([host]) => allowed(host));
  if (scriptMatches.length > 0) {
    result.push({ ...base, id: `${REGISTRATION_PREFIX}script`, matches: scriptMatches, js: ['clutter.js'] });
  }
  return result;
}
