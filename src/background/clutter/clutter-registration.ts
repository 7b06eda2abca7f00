/**
 * Keeps the browser's registered content scripts in line with the always-on settings, so that on
 * those sites the stylesheets apply before first paint, with no click. Registrations persist
 * across sessions; they are rebuilt whenever settings or permissions change.
 */
import { browser } from '../../shared/browser';
import type { ClutterSettings } from '../../shared/clutter-types';
import { ALL_SITES, originsOf, REGISTRATION_PREFIX, registrationsFor } from './clutter-plan';

async function holds(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

let queue: Promise<unknown> = Promise.resolve();

async function sync(settings: ClutterSettings): Promise<void> {
  const everywhere = await holds(ALL_SITES);
  const granted = new Set<string>();
  for (const [host, site] of Object.entries(settings.sites)) {
    if (!site.alwaysOn) continue;
    for (const origin of originsOf(host)) if (everywhere || (await holds([origin]))) granted.add(origin);
  }
  const wanted = registrationsFor(settings, everywhere, (origin) => granted.has(origin));
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing.map((s) => s.id).filter((id) => id.startsWith(REGISTRATION_PREFIX));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  if (wanted.length > 0) await browser.scripting.registerContentScripts(wanted);
}

/** Rebuilds the registrations from `settings`; calls run one at a time. */
export function syncRegistrations(settings: ClutterSettings): Promise<void> {
  const next = queue.then(() => sync(settings));
  queue = next.catch(() => undefined);
  return next;
}
