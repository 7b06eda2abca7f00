import type { AutoOpenOutcome } from '../../shared/always-reader-types';
import { browser } from '../../shared/browser';
import { failure } from '../../shared/messaging/failure';
import type { Handlers, MessageSender } from '../../shared/messaging/messenger';
import type { AlwaysReaderBackgroundApi } from '../../shared/messaging/always-reader-protocol';
import { isFreshLoad } from '../../shared/navigation-kind';
import { autoReaderPathFor } from '../../shared/reader-url';
import { pageOfTab } from '../clutter/clutter-tab';
import { toLibraryFailure } from '../library/library-handlers';
import type { LibraryRuntime } from '../library/library-runtime';
import { pageDetailsOf, savePage } from '../library/save-tab';
import { extractFromTab } from '../../shared/tab-content';
import { isArticlePage, isChosen, isHostName, withSite } from './always-reader-plan';
import { entriesOf, syncAlwaysReaderRegistration } from './always-reader-registration';
import type { AlwaysReaderStore } from './always-reader-store';
import { keepPage, keptPageFor, showOriginal, wasLeft } from './reader-handover';

/** The tab and address of the page (or reader page) that sent the message. */
function senderPage(sender: MessageSender): { tabId: number; url: string } {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || !url) throw failure('bad-request', 'not-web-page');
  return { tabId, url };
}

function hostOfPage(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

export function createAlwaysReaderHandlers(
  ready: Promise<void>,
  store: AlwaysReaderStore,
  library: () => Promise<LibraryRuntime>,
): Handlers<AlwaysReaderBackgroundApi> {
  /** Opens the reader in the page's place when the site is chosen and the page is an article. */
  async function openIfArticle(tabId: number, url: string): Promise<AutoOpenOutcome> {
    const host = hostOfPage(url);
    if (!host || !isChosen(await store.get(), host)) return 'off';
    if (await wasLeft(tabId, url)) return 'left';
    const article = await extractFromTab(tabId, {});
    if (!isArticlePage(article)) return 'not-article';
    // Saving from the reader needs these too, and the page is gone from the tab by then.
    const details = await pageDetailsOf(tabId);
    // The page may have gone elsewhere while the engine read it.
    if ((await browser.tabs.get(tabId)).url !== url) return 'failed';
    await keepPage(tabId, url, { article, details });
    // A new history entry: the page stays one step back, where the reader's "back" returns.
    await browser.tabs.update(tabId, { url: browser.runtime.getURL(autoReaderPathFor(url)) });
    return 'opened';
  }

  return {
    'alwaysReader.site': async ({ tabId }) => {
      await ready;
      const page = await pageOfTab(tabId);
      return { host: page.host, origin: page.origin, isOn: isChosen(await store.get(), page.host) };
    },
    'alwaysReader.set': async ({ host, on }) => {
      await ready;
      if (!isHostName(host)) throw failure('bad-request', 'not-web-page');
      const settings = await store.update((s) => withSite(s, host, on));
      await syncAlwaysReaderRegistration(settings);
      return entriesOf(settings);
    },
    'alwaysReader.list': async () => {
      await ready;
      return entriesOf(await store.get());
    },
    'alwaysReader.pageLoaded': async ({ navigation }, sender) => {
      await ready;
      const { tabId, url } = senderPage(sender);
      if (!isFreshLoad(navigation)) return { outcome: 'left' };
      try {
        return { outcome: await openIfArticle(tabId, url) };
      } catch {
        // A page the engine cannot read, a tab closed meanwhile: the page simply stays.
        return { outcome: 'failed' };
      }
    },
    'alwaysReader.article': async ({ url }, sender) => {
      await ready;
      const { tabId } = senderPage(sender);
      return (await keptPageFor(tabId, url))?.article ?? null;
    },
    'alwaysReader.save': async ({ url }, sender) => {
      await ready;
      const { tabId } = senderPage(sender);
      const kept = await keptPageFor(tabId, url);
      if (!kept) throw failure('not-found', 'reader-page-gone');
      try {
        return await savePage((await library()).service, kept.article, kept.details);
      } catch (error) {
        throw toLibraryFailure(error);
      }
    },
    'alwaysReader.showOriginal': async ({ url }, sender) => {
      await ready;
      const { tabId } = senderPage(sender);
      if (!hostOfPage(url)) throw failure('bad-request', 'not-web-page');
      await showOriginal(tabId, url);
      return { shown: true };
    },
  };
}
