import type { VNode } from 'preact';
import { failureText, NOT_ARTICLE_KEYS, type Translate } from '../i18n';
import type { ArticleState, ArticleStore } from '../stores/createArticleStore';
import type { LoadedArticle } from '../stores/article-source';
import { useApi } from '../stores/context';

function notArticleText(reason: Extract<ArticleState, { status: 'not-article' }>['reason'], t: Translate) {
  if (reason === null) return null;
  return reason === 'link-only' ? t('savedLinkOnly') : t(NOT_ARTICLE_KEYS[reason]);
}

export interface ArticleStateViewProps {
  store: ArticleStore;
  renderArticle: (loaded: LoadedArticle) => VNode;
  /** Extra advice when the page cannot be read (the side panel explains how to grant access). */
  accessHint?: string;
}

/** Every state of an extraction gets a visible, announced view: never a blank page. */
export function ArticleStateView({ store, renderArticle, accessHint }: ArticleStateViewProps) {
  const api = useApi();
  const { t } = api;
  const state = store.state.value;
  switch (state.status) {
    case 'loading':
      return (
        <div class="status" role="status" aria-busy="true">
          <p>{t('loading')}</p>
        </div>
      );
    case 'article':
      return renderArticle(state);
    case 'not-article':
      return (
        <section class="status" role="status" aria-labelledby="state-title">
          <h1 id="state-title">{t('noArticleTitle')}</h1>
          {state.reason && <p>{notArticleText(state.reason, t)}</p>}
          <button type="button" class="button" onClick={() => void store.load({ force: true })}>
            {t('tryAnyway')}
          </button>
        </section>
      );
    case 'no-tab':
      return (
        <div class="status" role="status">
          <p>{t('noTab')}</p>
        </div>
      );
    case 'error':
      if (state.failure.code === 'not-found') {
        // A saved article that was deleted (from another tab, or before this link was followed).
        return (
          <section class="status" role="alert" aria-labelledby="state-title">
            <h1 id="state-title">{t('savedGoneTitle')}</h1>
            <p>{failureText(t, state.failure)}</p>
            <button type="button" class="button" onClick={() => void api.openLibrary()}>
              {t('goToLibrary')}
            </button>
          </section>
        );
      }
      return (
        <section class="status" role="alert" aria-labelledby="state-title">
          <h1 id="state-title">{state.failure.code === 'restricted' ? t('restrictedTitle') : t('errorTitle')}</h1>
          <p>{failureText(t, state.failure)}</p>
          {state.failure.code === 'no-access' && accessHint && <p>{accessHint}</p>}
          {state.failure.code !== 'restricted' && (
            <button type="button" class="button" onClick={() => void store.load()}>
              {t('retry')}
            </button>
          )}
        </section>
      );
  }
}
