/**
 * Pages where browsers forbid extension scripts. Knowing them lets the UI say why it cannot act,
 * instead of showing a generic failure.
 */
import type { FailureReason } from './i18n/failures';

interface Restriction {
  test: (url: URL) => boolean;
  reason: FailureReason;
  /** False where access depends on a setting or on the document type: try first, explain on failure. */
  isAlways: boolean;
}

const RESTRICTED: Restriction[] = [
  {
    test: (u) =>
      ['chrome:', 'edge:', 'about:', 'brave:', 'opera:', 'vivaldi:', 'view-source:', 'devtools:'].includes(u.protocol),
    reason: 'browser-page',
    isAlways: true,
  },
  {
    test: (u) => u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:',
    reason: 'extension-page',
    isAlways: true,
  },
  {
    test: (u) =>
      u.hostname === 'chromewebstore.google.com' ||
      (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore')) ||
      u.hostname === 'addons.mozilla.org' ||
      u.hostname === 'accounts-static.cdn.mozilla.net',
    reason: 'extension-store',
    isAlways: true,
  },
  {
    test: (u) => u.protocol === 'file:',
    reason: 'local-file',
    isAlways: false,
  },
  {
    test: (u) => u.pathname.toLowerCase().endsWith('.pdf'),
    reason: 'pdf',
    isAlways: false,
  },
];

/**
 * Why extensions cannot script `url`, or null. With `onlyCertain`, only restrictions that hold
 * whatever the settings are reported (used before trying; the others explain a failure).
 */
export function describeRestriction(url: string, onlyCertain = false): FailureReason | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return RESTRICTED.find((r) => (!onlyCertain || r.isAlways) && r.test(parsed))?.reason ?? null;
}
