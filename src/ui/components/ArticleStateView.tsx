import type { ArticleStore } from '../stores/createArticleStore';
import { useApi } from '../stores/context';
import { ArticleSummary } from './ArticleSummary';

/** Every state of an extraction gets a visible, announced view: never a blank page. */
export function ArticleStateView({ store }: { store: ArticleStore }) {
  const { t } = useApi();
  const state = store.state.value;
  switch (state.status) {
    case 'loading':
      return (
        <p class="status" role="status" aria-busy="true">
          {t('loading')}
        </p>
      );
    case 'article':
      return <ArticleSummary article={state.article} />;
    case 'not-article':
      return (
        <section class="status" role="status" aria-labelledby="state-title">
          <h1 id="state-title">{t('noArticleTitle')}</h1>
          {state.reason && <p>{state.reason}</p>}
          <button type="button" class="button" onClick={() => void store.load({ force: true })}>
            {t('tryAnyway')}
          </button>
        </section>
      );
    case 'no-tab':
      return (
        <p class="status" role="status">
          {t('noTab')}
        </p>
      );
    case 'error':
      return (
        <section class="status" role="alert" aria-labelledby="state-title">
          <h1 id="state-title">{state.failure.code === 'restricted' ? t('restrictedTitle') : t('errorTitle')}</h1>
          <p>{state.failure.message}</p>
          {state.failure.code !== 'restricted' && (
            <button type="button" class="button" onClick={() => void store.load()}>
              {t('retry')}
            </button>
          )}
        </section>
      );
  }
}
