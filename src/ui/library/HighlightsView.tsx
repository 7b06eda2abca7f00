import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../highlights/types';
import type { HighlightBrowseResult } from '../api/highlights-api';
import type { ListResult } from '../api/library-api';
import { COLOR_NAMES } from '../highlights/color-names';
import { useApi } from '../stores/context';

const PAGE = 50;

/** Marked once the first screen of highlights is drawn: the library benchmark reads it. */
export const HIGHLIGHTS_FIRST_SCREEN_MARK = 'tidy-reader:highlights-first-screen';

/** The library page's two views, the articles and every highlight: links between them. */
export function LibraryViews({ current }: { current: 'articles' | 'highlights' }) {
  const { t } = useApi();
  return (
    <nav class="library-views" aria-label={t('libraryViews')}>
      <a href="library.html" aria-current={current === 'articles' ? 'page' : undefined}>
        {t('savedArticles')}
      </a>
      <a href="library.html?view=highlights" aria-current={current === 'highlights' ? 'page' : undefined}>
        {t('highlightsPanel')}
      </a>
    </nav>
  );
}

/** Where a highlight is: the saved article in the reader, scrolled to it. */
export function highlightHref(articleId: string, highlightId: string): string {
  return `reader.html?id=${encodeURIComponent(articleId)}#highlight=${encodeURIComponent(highlightId)}`;
}

/**
 * Every highlight of the library, newest first, by colour, by tag or by words of the highlighted
 * text and the notes (each result says which matched); each links to its place in the article.
 */
export function HighlightsView() {
  const api = useApi();
  const { t } = api;
  const [color, setColor] = useState<HighlightColor | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [result, setResult] = useState<HighlightBrowseResult | null>(null);
  const [tags, setTags] = useState<ListResult['tags']>([]);

  useEffect(() => {
    void api.library.list({ limit: 0 }).then(
      (list) => setTags(list.tags),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    let isCurrent = true;
    void api.highlights.browse({ color, tag, search, limit }).then(
      (next) => isCurrent && setResult(next),
      () => undefined,
    );
    return () => void (isCurrent = false);
  }, [api, color, tag, search, limit]);

  useEffect(() => {
    if (result && performance.getEntriesByName(HIGHLIGHTS_FIRST_SCREEN_MARK).length === 0) {
      requestAnimationFrame(() => performance.mark(HIGHLIGHTS_FIRST_SCREEN_MARK));
    }
  }, [result]);

  return (
    <div class="library highlights-view">
      <header class="library__header">
        <h1>{t('highlightsPanel')}</h1>
      </header>
      <div class="toolbar" role="search">
        <label class="field">
          <span>{t('searchLabel')}</span>
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('highlightColor')}</span>
          <select value={color ?? ''} onChange={(e) => setColor((e.currentTarget.value as HighlightColor) || null)}>
            <option value="">{t('anyColor')}</option>
            {HIGHLIGHT_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(COLOR_NAMES[c])}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('tagLabel')}</span>
          <select value={tag ?? ''} onChange={(e) => setTag(e.currentTarget.value || null)}>
            <option value="">{t('anyTag')}</option>
            {tags.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <main class="library__main">
        {result && (
          <p class="library__count" aria-live="polite">
            {t('shownCount', [String(result.items.length), String(result.total)])}
          </p>
        )}
        {result && result.total === 0 && (
          <p class="library__empty">{result.libraryCount === 0 ? t('highlightsNone') : t('noMatches')}</p>
        )}
        <ul class="highlight-entries" aria-label={t('highlightsPanel')}>
          {result?.items.map(({ highlight, article, matched }) => (
            <li key={highlight.id} class={`highlight-item highlight-item--${highlight.color}`}>
              <blockquote class="highlight-item__quote">
                <span class="visually-hidden">{t(COLOR_NAMES[highlight.color])}: </span>
                {highlight.quote.exact.replace(/\s+/g, ' ').trim()}
              </blockquote>
              {highlight.note && <p class="highlight-item__note">{highlight.note}</p>}
              <p class="muted">
                <a href={highlightHref(article.id, highlight.id)}>{article.title}</a> · {article.host}
                {matched.length > 0 && (
                  <>
                    {' · '}
                    {matched.includes('note') && matched.includes('quote')
                      ? t('matchedBoth')
                      : matched.includes('note')
                        ? t('matchedNote')
                        : t('matchedQuote')}
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
        {result && result.items.length < result.total && (
          <button type="button" class="button" onClick={() => setLimit(limit + PAGE)}>
            {t('showMore')}
          </button>
        )}
      </main>
    </div>
  );
}
