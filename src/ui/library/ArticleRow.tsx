import type { ArticleSummary } from '../api/library-api';
import { useApi } from '../stores/context';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: making one per row was most of the cost of drawing the list. */
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
  return format;
}

export function ArticleRow({
  article,
  isSelected,
  onToggle,
  highlightCount = 0,
}: {
  article: ArticleSummary;
  isSelected: boolean;
  onToggle: () => void;
  highlightCount?: number;
}) {
  const { t, uiLanguage } = useApi();
  const titleId = `title-${article.id}`;
  const progress = Math.round((article.position?.progress ?? 0) * 100);
  const date = dateFormat(uiLanguage).format(article.savedAt);
  const remoteImages = article.images.total - article.images.stored;
  return (
    <li class={`entry${article.isRead ? ' entry--read' : ''}`} data-id={article.id}>
      <input
        type="checkbox"
        class="entry__select"
        checked={isSelected}
        onChange={onToggle}
        aria-label={t('selectArticle', article.title)}
      />
      <div class="entry__body">
        <a
          id={titleId}
          class="entry__title"
          href={`reader.html?id=${encodeURIComponent(article.id)}`}
          lang={article.lang ?? undefined}
        >
          {article.title}
        </a>
        <ul class="entry__meta" aria-label={t('articleDetails')}>
          <li>{article.siteName ?? article.host}</li>
          {article.status === 'complete' ? (
            <li>{t('readingMinutes', article.readingMinutes)}</li>
          ) : (
            <li>{t('linkOnly')}</li>
          )}
          <li>
            <time dateTime={new Date(article.savedAt).toISOString()}>{date}</time>
          </li>
          {progress > 0 && <li>{t('progressRead', String(progress))}</li>}
          {article.isFavorite && <li>{t('favorite')}</li>}
          {remoteImages > 0 && <li>{t('imagesRemote', remoteImages)}</li>}
          {highlightCount > 0 && <li class="entry__highlights">{t('highlightCount', highlightCount)}</li>}
        </ul>
        {article.tags.length > 0 && (
          <ul class="entry__tags" aria-label={t('tags')}>
            {article.tags.map((tag) => (
              <li key={tag} class="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
        {progress > 0 && <progress class="entry__progress" max={100} value={progress} aria-hidden="true" />}
      </div>
    </li>
  );
}
