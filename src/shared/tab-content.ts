import { browser, type Tabs } from './browser';
import { failure } from './messaging/failure';
import { createEnvelope, isReply, MessagingError, unwrapReply } from './messaging/messenger';
import type { ExtractResult } from '../extract/types';
import type { ContentApi, RequestOf } from './messaging/protocol';
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

/** Injects `file` into the tab unless `ping` shows it is there already. */
export async function ensureScript(tabId: number, file: string, ping: () => Promise<unknown>): Promise<void> {
  try {
    await ping();
    return;
  } catch {
    // Not injected yet (or the page navigated): inject below.
  }
  await injectScript(tabId, file);
}

/** Injects `file` into the tab, after refusing pages no extension may script (`tab` says where it is). */
async function injectScript(
  tabId: number,
  file: string,
  tab: Promise<Tabs.Tab> = browser.tabs.get(tabId),
): Promise<void> {
  let url: string | undefined;
  try {
    url = (await tab).url;
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

const NOT_THERE = Symbol('no content script');

/**
 * Asks the tab's content script to extract; `NOT_THERE` when no content script answers (never
 * injected, or gone with a navigation). Chrome rejects the send, Firefox resolves it empty.
 */
async function askToExtract(tabId: number, force: boolean | undefined): Promise<ExtractResult | typeof NOT_THERE> {
  const req: RequestOf<ContentApi, 'reader.extract'> = { force };
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, createEnvelope('content', 'reader.extract', req));
  } catch {
    return NOT_THERE;
  }
  return isReply(reply) ? unwrapReply<ExtractResult>(reply) : NOT_THERE;
}

/**
 * The tab's article. The content script is asked first and injected only when nothing answers:
 * asking is the one round trip a tab read before needs (where the script often answers with the
 * result it kept), and on a fresh tab it costs what a separate ping did.
 */
export async function extractFromTab(tabId: number, options: { force?: boolean }): Promise<ExtractResult> {
  // Where the tab is, asked meanwhile: needed only to inject, and then without a wait.
  const tab = browser.tabs.get(tabId);
  tab.catch(() => undefined);
  const answer = await askToExtract(tabId, options.force);
  if (answer !== NOT_THERE) return answer;
  await injectScript(tabId, CONTENT_SCRIPT, tab);
  const injected = await askToExtract(tabId, options.force);
  if (injected === NOT_THERE) throw new MessagingError('failed', 'No answer from the content script');
  return injected;
}
