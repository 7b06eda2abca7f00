import type { ExtractResult } from '../../extract/types';
import { useApi } from '../stores/context';

export function ArticleSummary({ article }: { article: ExtractResult }) {
  const { t } = useApi();
  return (
    <article class="summary" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <h1 class="summary__title">{article.title}</h1>
      <ul class="summary__meta" aria-label={t('articleDetails')}>
        {article.siteName && <li class="summary__site">{article.siteName}</li>}
        {article.byline && <li class="summary__byline">{article.byline}</li>}
        <li class="summary__time">{t('readingMinutes', String(article.readingMinutes))}</li>
      </ul>
      {article.excerpt && <p class="summary__excerpt">{article.excerpt}</p>}
    </article>
  );
}
