/**
 * Keeps the registered page script in line with the chosen sites and the access granted to them:
 * rebuilt whenever either changes (access can be taken away in the browser's own settings).
 */
import { browser } from '../../shared/browser';
import type { AlwaysReaderEntry, AlwaysReaderSettings } from '../../shared/always-reader-types';
import { originsOf } from '../clutter/clutter-plan';
import { ALWAYS_READER_REGISTRATION, registrationFor } from './always-reader-plan';

async function holds(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

/** The origins of the chosen sites the extension may run scripts on. */
async function grantedOrigins(settings: AlwaysReaderSettings): Promise<Set<string>> {
  const granted = new Set<string>();
  for (const origin of settings.sites.flatMap(originsOf)) if (await holds(origin)) granted.add(origin);
  return granted;
}

/** The chosen sites, each with whether the browser lets the script run there. */
export async function entriesOf(settings: AlwaysReaderSettings): Promise<AlwaysReaderEntry[]> {
  const granted = await grantedOrigins(settings);
  return settings.sites.map((host) => ({ host, hasAccess: originsOf(host).some((o) => granted.has(o)) }));
}

let queue: Promise<unknown> = Promise.resolve();

async function sync(settings: AlwaysReaderSettings): Promise<void> {
  const granted = await grantedOrigins(settings);
  const wanted = registrationFor(settings, (origin) => granted.has(origin));
  const existing = await browser.scripting.getRegisteredContentScripts();
  if (existing.some((script) => script.id === ALWAYS_READER_REGISTRATION))
    await browser.scripting.unregisterContentScripts({ ids: [ALWAYS_READER_REGISTRATION] });
  if (wanted) await browser.scripting.registerContentScripts([wanted]);
}

/** Rebuilds the registration from `settings`; calls run one at a time. */
export function syncAlwaysReaderRegistration(settings: AlwaysReaderSettings): Promise<void> {
  const next = queue.then(() => sync(settings));
  queue = next.catch(() => undefined);
  return next;
}
