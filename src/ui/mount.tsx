import { render, type ComponentChildren } from 'preact';
import type { ExtensionApi } from './api/extension-api';
import { createRuntimeApi } from './api/runtime-api';
import { PageRoot } from './PageRoot';
import { createWebSpeechEngine } from './speech/speech-engine';
import type { PlainKey } from './i18n';
import './styles/base.css';

/** Marked when a page's code starts running (the popup benchmark splits its time with it). */
export const PAGE_START_MARK = 'tidy-reader:page-start';

/** Shared start-up of every extension page: one API instance and its stores, handed down by context. */
export function mountPage(
  children: ComponentChildren,
  titleKey?: PlainKey,
  api: ExtensionApi = createRuntimeApi(location),
): void {
  performance.mark(PAGE_START_MARK);
  document.documentElement.lang = api.uiLanguage;
  document.documentElement.dir = api.t('@@bidi_dir' as PlainKey) === 'rtl' ? 'rtl' : 'ltr';
  if (titleKey) document.title = api.t(titleKey);
  const root = document.getElementById('app');
  if (!root) throw new Error('Page markup lacks #app');
  render(
    <PageRoot api={api} speech={createWebSpeechEngine(window)}>
      {children}
    </PageRoot>,
    root,
  );
}
