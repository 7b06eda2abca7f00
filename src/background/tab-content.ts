import { browser } from '../shared/browser';
import { contentOf } from '../shared/messaging/clients';
import { failure } from '../shared/messaging/failure';
import { MessagingError } from '../shared/messaging/messenger';
import type { ExtractResult } from '../extract/types';
import { describeRestriction } from './restricted-pages';

const CONTENT_SCRIPT = 'content.js';

export function toAccessError(error: unknown, url: string | undefined): MessagingError {
  const restriction = url ? describeRestriction(url) : null;
  if (restriction) return failure('restricted', restriction);
  const message = error instanceof Error ? error.message : String(error);
  if (/no tab with id/i.test(message)) return failure('no-tab', 'tab-closed');
  if (/cannot access|permission|missing host|cannot be scripted|denied/i.test(message)) {
    return failure('no-access', 'needs-click');
  }
  return new MessagingError('failed', message);
}

/** Injects the content script unless it already answers in that tab. */
export function ensureContentScript(tabId: number): Promise<void> {
  return ensureScript(tabId, CONTENT_SCRIPT, () => contentOf(tabId)('content.ping', {}));
}

/** Injects `file` into the tab unless `ping` shows it is there already. */
export async function ensureScript(tabId: number, file: string, ping: () => Promise<unknown>): Promise<void> {
  try {
    await ping();
    return;
  } catch {
    // Not injected yet (or the page navigated): inject below.
  }
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    throw toAccessError(error, undefined);
  }
  const restriction = url ? describeRestriction(url, true) : null;
  if (restriction) throw failure('restricted', restriction);
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  } catch (error) {
    throw toAccessError(error, url);
  }
}

export async function extractFromTab(tabId: number, options: { force?: boolean }): Promise<ExtractResult> {
  await ensureContentScript(tabId);
  return contentOf(tabId)('reader.extract', { force: options.force });
}
