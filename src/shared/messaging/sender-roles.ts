/**
 * Who may send each message. A sender's `id` only says the message comes from this extension, and
 * content scripts share it: a script running inside a web page must not reach the library or another
 * tab. Each protocol map therefore has a map of the contexts allowed to send each of its commands,
 * checked by the one listener (`serve`).
 */

/**
 * - `extension`: one of the extension's own pages (popup, side panel, reader, library, settings,
 *   also when opened in a tab) or its background.
 * - `content`: a script of ours running in a web page, speaking for that tab only.
 * - `offscreen`: Chrome's offscreen document, which parses fetched, untrusted HTML.
 */
export type SenderRole = 'extension' | 'content' | 'offscreen';

/** For every command of protocol map `A`, the contexts allowed to send it: at least one. */
export type SenderRoles<A extends object> = {
  readonly [K in keyof A]-?: readonly [SenderRole, ...SenderRole[]];
};

/** The offscreen document's page, relative to the extension's root. */
export const OFFSCREEN_PAGE = 'offscreen.html';

/** What the check needs of a message's sender (`runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** 0 for a tab's top document. */
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** What the check needs of `browser.runtime`. */
export interface ExtensionIdentity {
  id: string;
  getURL(path: string): string;
}

function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}

/**
 * The context a message comes from, or null for a sender that is none of ours (another extension,
 * or one of our pages framed inside a web page).
 */
export function senderRoleOf(sender: SenderInfo, extension: ExtensionIdentity): SenderRole | null {
  if (sender.id !== extension.id) return null;
  const root = extension.getURL('');
  const url = sender.url ?? '';
  if (url.startsWith(root)) {
    if (withoutQuery(url) === extension.getURL(OFFSCREEN_PAGE)) return 'offscreen';
    if (!sender.tab) return 'extension';
    // A page of ours in a tab (the reader, a popup opened as a tab) is that tab's document. The
    // tab's address is not always given without the "tabs" permission; the top frame is the tab.
    if (sender.frameId === 0 || (sender.tab.url ?? '').startsWith(root)) return 'extension';
    return null;
  }
  if (sender.tab?.id !== undefined && url !== '') return 'content';
  return null;
}

/**
 * Whether a content script's request stays within its own tab: a request naming a tab must name
 * the sender's.
 */
export function isOwnTabRequest(req: unknown, sender: SenderInfo): boolean {
  if (typeof req !== 'object' || req === null || !('tabId' in req)) return true;
  return sender.tab?.id !== undefined && (req as { tabId: unknown }).tabId === sender.tab.id;
}
