import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ExtractResult } from '../../extract/types';
import { hostOf } from '../../shared/host';
import { useApi } from '../stores/context';
import { isLeadInBody } from './lead-image';
import { pageKindLabel } from './page-kind';
import { useMissingPictures } from './useMissingPictures';
import { safeImageSrc, safeWebUrl, sanitiseArticle, type OutlineEntry } from './sanitize-article';

/** Marked once the first article frame is on screen: the popup benchmark reads it. */
export const ARTICLE_RENDERED_MARK = 'tidy-reader:article-rendered';

function formatDate(iso: string | null, locale: string): { iso: string; text: string } | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return { iso: date.toISOString(), text: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date) };
  } catch {
    return { iso: date.toISOString(), text: date.toDateString() };
  }
}

export interface ArticleViewProps {
  article: ExtractResult;
  /** Told the body element and the outline once they are in the page (read aloud, contents). */
  onBodyReady?: (body: HTMLElement, outline: OutlineEntry[]) => void;
  /** The library id of a saved article: its pictures that fail to load offer to be downloaded. */
  savedId?: string | null;
  /** Says something to screen readers (the surface's live region). */
  announce?: (text: string) => void;
}

/**
 * The cleaned article in the reader typography: header, lead image and body. The body is
 * sanitised here again and inserted as DOM nodes, never as an HTML string.
 */
export function ArticleView({ article, onBodyReady, savedId = null, announce }: ArticleViewProps) {
  const { t, uiLanguage } = useApi();
  const articleRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const sanitised = useMemo(
    () => sanitiseArticle(article.html, article.url, { table: t('scrollableRegion') }),
    [article.html, article.url, t],
  );
  const date = formatDate(article.publishedTime, uiLanguage);
  const kind = useMemo(
    () => pageKindLabel(article.pageType ?? 'article', sanitised.fragment, t),
    [article.pageType, sanitised, t],
  );
  const lead = article.leadImage ? safeImageSrc(article.leadImage.src, article.url) : null;
  // A lead that repeats the body's opening picture (or any of its addresses) is not shown twice.
  const shownLead = useMemo(
    () => (lead !== null && !isLeadInBody(lead, sanitised.fragment, article.url) ? lead : null),
    [lead, sanitised, article.url],
  );
  const originalUrl = safeWebUrl(article.url) ?? undefined;
  const imageUrls = useMemo(
    () => [...sanitised.imageSources, ...(shownLead === null ? [] : [shownLead])],
    [sanitised, shownLead],
  );
  useMissingPictures(articleRef, savedId, imageUrls, announce);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    body.replaceChildren(sanitised.fragment.cloneNode(true));
    onBodyReady?.(body, sanitised.outline);
    requestAnimationFrame(() => performance.mark(ARTICLE_RENDERED_MARK));
  }, [sanitised, onBodyReady]);

  return (
    <article
      ref={articleRef}
      class={`article article--${article.pageType ?? 'article'}`}
      lang={article.lang ?? undefined}
      dir={article.dir ?? 'auto'}
      aria-labelledby="article-title"
    >
      <header class="article__header">
        <p class="article__site">
          <a href={originalUrl} target="_blank" rel="noopener noreferrer">
            {article.siteName ?? (hostOf(article.url) || article.url)}
          </a>
        </p>
        <h1 id="article-title" class="article__title" tabIndex={-1}>
          {article.title}
        </h1>
        <ul class="article__meta" aria-label={t('articleDetails')}>
          {kind && <li class="article__kind">{kind}</li>}
          {article.byline && <li class="article__byline">{article.byline}</li>}
          {date && (
            <li class="article__date">
              <time dateTime={date.iso}>{date.text}</time>
            </li>
          )}
          {article.readingMinutes > 0 && <li class="article__time">{t('readingMinutes', article.readingMinutes)}</li>}
        </ul>
      </header>
      {shownLead !== null && (
        <figure class="article__lead">
          <img src={shownLead} alt={article.leadImage?.alt ?? ''} referrerpolicy="no-referrer" decoding="async" />
        </figure>
      )}
      <div class="article__body" ref={bodyRef} />
    </article>
  );
}
