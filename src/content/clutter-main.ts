/**
 * The clutter script (clutter.js): small, separate from the reader's content script, so that it
 * can be registered on always-on sites without loading the extraction engine there. Injected on
 * demand it registers its listener and asks the background whether this site is always-on (no);
 * registered, the same question gets the site's choices and the page is tidied as it loads.
 */
import { compileClutterRules } from '../clutter';
import { browser } from '../shared/browser';
import { createRuntimeTranslator } from '../shared/i18n/runtime';
import { sendToBackground } from '../shared/messaging/clients';
import { serve, type RuntimePort } from '../shared/messaging/messenger';
import { clutterPageSenders, type ClutterPageApi } from '../shared/messaging/protocol';
import { createClutterHandlers } from './clutter/clutter-handlers';
import { startElementPicker, type PickerTexts } from './clutter/element-picker';
import { createListSync } from './clutter/list-sync';
import { createPageClutter, findArticleAnchor } from './clutter/page-clutter';

const INJECTED = Symbol.for('tidy-reader.clutter');
const scope = globalThis as typeof globalThis & { [INJECTED]?: true };

function pickerTexts(): PickerTexts {
  const { t } = createRuntimeTranslator();
  return {
    instructions: t('pickerInstructions'),
    refusedArticle: t('pickerRefusedArticle'),
    refusedPage: t('pickerRefusedPage'),
    saved: t('pickerSaved'),
    cancel: t('cancel'),
    hide: t('pickerHide'),
  };
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  const host = location.hostname;
  let syncLists = async () => page.report();
  const page = createPageClutter(document, host, { onObservedPass: () => void syncLists() });
  syncLists = createListSync(page, (request) => sendToBackground('clutter.listStyles', request));
  let stopPicker: (() => void) | null = null;
  const startPicker = (): void => {
    stopPicker?.();
    const anchor = document.body
      ? findArticleAnchor(document.body, compileClutterRules(undefined, { host })).anchor
      : null;
    stopPicker = startElementPicker(document, {
      anchor,
      texts: pickerTexts(),
      save: (selector) => sendToBackground('clutter.addPicked', { selector }),
      onDone: () => (stopPicker = null),
    });
  };
  serve<ClutterPageApi>(
    browser.runtime as unknown as RuntimePort,
    'clutter',
    createClutterHandlers(page, startPicker, () => syncLists()),
    clutterPageSenders,
  );
  void sendToBackground('clutter.attach', {}).then(
    (attached) => {
      if (!attached) return;
      page.noteSheets(attached.sheets);
      whenBodyReady(() => {
        page.apply(attached.plan);
        void syncLists();
      });
    },
    () => undefined,
  );
}
