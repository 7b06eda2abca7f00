import { render, type ComponentChildren } from 'preact';
import { createRuntimeApi } from './api/runtime-api';
import { ApiContext } from './stores/context';
import type { MessageKey } from './i18n';
import './styles/base.css';

/** Shared start-up of every extension page: one API instance, handed down by context. */
export function mountPage(children: ComponentChildren, titleKey?: MessageKey): void {
  const api = createRuntimeApi(location);
  document.documentElement.lang = api.uiLanguage;
  if (titleKey) document.title = api.t(titleKey);
  const root = document.getElementById('app');
  if (!root) throw new Error('Page markup lacks #app');
  render(<ApiContext.Provider value={api}>{children}</ApiContext.Provider>, root);
}
