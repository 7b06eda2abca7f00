import type { ArticleSummary, ListPicture } from '../api/library-api';
import type { Translate } from '../../shared/i18n/translate';
import { Icon } from '../components/icons';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { memo } from '../components/memo';
import type { LibraryLayout } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import { ProgressRing } from './ProgressRing';
import { SiteIcon } from './SiteIcon';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: making one per row was most of the cost of drawing the list. */
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
  return format;
}

const remembered = new WeakMap<Translate, Translate>();

/**
 * The translator, each of its answers kept for the page's life (the catalogue does not change):
 * asking the browser's catalogue for a row's dozen words was a tenth of a scrolled frame's script.
 */
function remembering(t: Translate): Translate {
  let kept = remembered.get(t);
  if (!kept) {
    const answers = new Map<string, string>();
    const ask = t as (key: string, a?: unknown, b?: unknown) => string;
    kept = ((key: string, a?: unknown, b?: unknown) => {
      const id = JSON.stringify([key, a, b]);
      let text = answers.get(id);
      if (text === undefined) {
        // Titles are part of some labels: a long fling should not keep every one.
        if (answers.size >= 4000) answers.clear();
        answers.set(id, (text = ask(key, a, b)));
      }
      return text;
    }) as Translate;
    remembered.set(t, kept);
  }
  return kept;
}

/** Where a row sits in the virtual list: primitives, so that an unchanged row compares equal. */
export interface RowPlace {
  index: number;
  total: number;
  top: number;
  column: number;
  perLine: number;
}

/** Where the row sits in the virtual list (set through CSSOM: the pages' CSP refuses style markup). */
function placeStyle(place: RowPlace) {
  const width = 100 / place.perLine;
  return {
    transform: `translateY(${place.top}px)`,
    width: `${width}%`,
    insetInlineStart: `${place.column * width}%`,
  };
}

/** What a row's controls do; one object for the whole list, so rows need no fresh callbacks. */
export interface RowActions {
  onToggle(article: ArticleSummary): void;
  onArchive(article: ArticleSummary): void;
  onFavorite(article: ArticleSummary): void;
  onTag(article: ArticleSummary): void;
  onDelete(article: ArticleSummary): void;
  onFocus(article: ArticleSummary, index: number): void;
}

/** A row of the list whose article has not arrived yet (scrolled to faster than it loads). */
export function ArticlePlaceholder({ layout, ...place }: RowPlace & { layout: LibraryLayout }) {
  return <li class={`entry-placeholder entry-placeholder--${layout}`} aria-hidden="true" style={placeStyle(place)} />;
}

export interface ArticleRowProps extends RowPlace {
  article: ArticleSummary;
  /** The reader's address for the article, with the list it is opened from ("Read next" follows it). */
  href: string;
  picture: ListPicture | undefined;
  layout: LibraryLayout;
  isSelected: boolean;
  isCurrent: boolean;
  /** The list is being flung (./fling.ts): a row coming into view is drawn as a sketch. */
  isFling: boolean;
  actions: RowActions;
}

/**
 * One article of the list. Drawn again only when its props change: while scrolling, the rows that
 * stay on screen cost nothing, and a page or pictures arriving redraw only the rows they touch.
 */
export const ArticleRow = memo(function ArticleRow({
  article,
  href,
  picture,
  layout,
  isSelected,
  isCurrent,
  isFling,
  actions,
  ...place
}: ArticleRowProps) {
  const api = useApi();
  const t = remembering(api.t);
  // A row element is reused for the row coming into view as it scrolls out: the focus it held
  // goes, as it went with the element before (the keyboard's row is never reused while drawn).
  const rowRef = useRef<HTMLLIElement>(null);
  const shownIndex = useRef(place.index);
  useLayoutEffect(() => {
    if (shownIndex.current === place.index) return;
    shownIndex.current = place.index;
    const focused = rowRef.current?.ownerDocument.activeElement as HTMLElement | null;
    if (focused && rowRef.current?.contains(focused)) focused.blur();
  }, [place.index]);
  // Only a row coming into view is sketched: one already drawn in full stays so, and the keyboard's
  // row and the selected ones are always whole (they may hold the focus).
  const drawnInFull = useRef(-1);
  const isSketch = isFling && !isCurrent && !isSelected && drawnInFull.current !== place.index;
  if (!isSketch) drawnInFull.current = place.index;
  const uiLanguage = api.uiLanguage;
  const progress = article.isRead ? 1 : (article.position?.progress ?? 0);
  const percent = Math.round(progress * 100);
  const date = dateFormat(uiLanguage).format(article.savedAt);
  const remoteImages = article.images.total - article.images.stored;
  const site = article.siteName ?? article.host;
  const highlightCount = article.highlightCount ?? 0;
  const thumbnail = picture?.thumbnail ?? null;
  const classes = [
    'entry',
    `entry--${layout}`,
    article.isRead && 'entry--read',
    isCurrent && 'entry--current',
    isSelected && 'entry--selected',
    thumbnail && 'entry--pictured',
  ];
  const rowAttributes = {
    ref: rowRef,
    class: classes.filter(Boolean).join(' '),
    'data-id': article.id,
    'data-index': place.index,
    'aria-posinset': place.index + 1,
    'aria-setsize': place.total,
    dir: article.dir ?? ('auto' as const),
    style: placeStyle(place),
  };
  if (isSketch) {
    return (
      <li {...rowAttributes} class={`${rowAttributes.class} entry--sketch`}>
        <div class="entry__body" lang={article.lang ?? undefined}>
          <p class="entry__site">
            <span>{site}</span>
          </p>
          <a class="entry__title" href={href}>
            {article.title}
          </a>
        </div>
      </li>
    );
  }
  return (
    <li {...rowAttributes} onFocusIn={() => actions.onFocus(article, place.index)}>
      <input
        type="checkbox"
        class="entry__select"
        checked={isSelected}
        onChange={() => actions.onToggle(article)}
        aria-label={t('selectArticle', article.title)}
      />
      {(thumbnail || layout === 'cards') && (
        <div class="entry__thumb">
          {thumbnail ? (
            <img src={thumbnail} alt="" loading="lazy" decoding="async" width={96} height={72} />
          ) : (
            <SiteIcon icon={picture?.icon ?? null} name={site} size="large" />
          )}
        </div>
      )}
      <div class="entry__body" lang={article.lang ?? undefined}>
        <p class="entry__site">
          <SiteIcon icon={picture?.icon ?? null} name={site} size="small" />
          <span>{site}</span>
        </p>
        <a class="entry__title" href={href}>
          {article.title}
        </a>
        {article.excerpt && <p class="entry__excerpt">{article.excerpt}</p>}
        <ul class="entry__meta" aria-label={t('articleDetails')}>
          {article.status === 'complete' ? (
            <li>{t('readingMinutes', article.readingMinutes)}</li>
          ) : (
            <li>{t('linkOnly')}</li>
          )}
          {percent > 0 && (
            <li class="entry__progress">
              <ProgressRing value={progress} />
              {t('progressRead', String(percent))}
            </li>
          )}
          <li>
            <time dateTime={new Date(article.savedAt).toISOString()}>{date}</time>
          </li>
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
      </div>
      <div class="entry__actions" role="group" aria-label={t('actionsFor', article.title)}>
        <button
          type="button"
          class="row-action"
          aria-label={article.isArchived ? t('unarchive') : t('archive')}
          title={article.isArchived ? t('unarchive') : t('archive')}
          onClick={() => actions.onArchive(article)}
        >
          <Icon name={article.isArchived ? 'unarchive' : 'archive'} />
        </button>
        <button
          type="button"
          class="row-action"
          aria-label={t('favorite')}
          title={t('favorite')}
          aria-pressed={article.isFavorite}
          onClick={() => actions.onFavorite(article)}
        >
          <Icon name="star" />
        </button>
        <button
          type="button"
          class="row-action"
          aria-label={t('editTags')}
          title={t('editTags')}
          onClick={() => actions.onTag(article)}
        >
          <Icon name="tag" />
        </button>
        <button
          type="button"
          class="row-action row-action--danger"
          aria-label={t('delete')}
          title={t('delete')}
          onClick={() => actions.onDelete(article)}
        >
          <Icon name="trash" />
        </button>
      </div>
    </li>
  );
});
