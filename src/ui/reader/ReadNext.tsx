import { useApi } from '../stores/context';
import type { NextArticle } from './useReadNext';

/**
 * The end of a saved article: the next unread one of the list the reader came from, as a link, or
 * word that none is left. Nothing while it is being looked up, or if that failed.
 */
export function ReadNext({ next, isReadingAloud }: { next: NextArticle; isReadingAloud: boolean }) {
  const { t } = useApi();
  if (next.status === 'loading' || next.status === 'failed') return null;
  return (
    <section class="read-next" aria-labelledby="read-next-title">
      <h2 id="read-next-title" class="read-next__title">
        {t('readNext')}
      </h2>
      {next.status === 'found' ? (
        <>
          <a
            class="read-next__link"
            href={next.href}
            lang={next.article.lang ?? undefined}
            dir={next.article.dir ?? 'auto'}
            aria-describedby="read-next-details"
          >
            {next.article.title}
          </a>
          <ul id="read-next-details" class="read-next__details">
            <li>{next.article.siteName ?? next.article.host}</li>
            <li>
              {next.article.status === 'complete' ? t('readingMinutes', next.article.readingMinutes) : t('linkOnly')}
            </li>
          </ul>
          {isReadingAloud && <p class="read-next__note">{t('readNextReadAloud')}</p>}
        </>
      ) : (
        <p class="read-next__done">
          {t('readNextCaughtUp')} <a href="library.html">{t('readNextLibrary')}</a>
        </p>
      )}
    </section>
  );
}
