/**
 * The page script of "Always open in reader on this site" (always-reader.js): registered for the
 * chosen sites, run by the browser once a page has loaded. Tiny on purpose: on a fresh load it
 * hands the page to the background, which runs the engine and shows the reader in the page's
 * place when the page is an article. A reload or a step back in history (the reader's own "back"
 * is one) leaves the page alone, so leaving the reader never bounces back into it.
 */
import type { AutoOpenOutcome } from '../shared/always-reader-types';
import { sendToBackground } from '../shared/messaging/clients';
import { isFreshLoad, navigationKindOf } from '../shared/navigation-kind';

/** `tidy-reader:always-reader:<outcome>` in the page's timeline says what happened, for tests and DevTools. */
const OUTCOME_MARK = 'tidy-reader:always-reader:';

const INJECTED = Symbol.for('tidy-reader.always-reader');
const scope = globalThis as typeof globalThis & { [INJECTED]?: true };

function mark(outcome: AutoOpenOutcome | 'kept'): void {
  performance.mark(OUTCOME_MARK + outcome);
}

function handOver(): void {
  const navigation = navigationKindOf(performance);
  if (!isFreshLoad(navigation)) {
    mark('kept');
    return;
  }
  sendToBackground('alwaysReader.pageLoaded', { navigation: navigation ?? 'navigate' }).then(
    ({ outcome }) => mark(outcome),
    () => mark('failed'),
  );
}

if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  // A page the browser prepares before it is shown opens in the reader only once it is shown.
  const prerendering = (document as Document & { prerendering?: boolean }).prerendering === true;
  // Only once the page has finished loading: Chromium may let a navigation made while a document
  // still loads take that document's place in the history, and "back" would then skip the page.
  const whenLoaded = (): void => {
    if (document.readyState === 'complete') handOver();
    else window.addEventListener('load', handOver, { once: true });
  };
  if (prerendering) document.addEventListener('prerenderingchange', whenLoaded, { once: true });
  else whenLoaded();
}
