/** Where the browsers the tests drive live; Debian's packages, installed by scripts/ensure-browsers.sh. */
import { existsSync } from 'node:fs';

function firstExisting(candidates: (string | undefined)[], what: string): string {
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) {
    throw new Error(
      `${what} not found (looked in ${candidates.filter(Boolean).join(', ')}). Run: sudo scripts/ensure-browsers.sh`,
    );
  }
  return found;
}

/** The real binary: /usr/bin/chromium is a wrapper script that adds flags of its own. */
export function findChromium(): string {
  return firstExisting([process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'], 'Chromium');
}

export function findFirefox(): string {
  return firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'], 'Firefox');
}
