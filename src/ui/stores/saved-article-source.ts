/**
 * The reader's source for a saved article (`reader.html?id=<id>`): everything comes from the
 * library's database, images included, so it reads with the network off.
 */
import type { ExtractResult } from '../../extract/types';
import type { ExtensionApi } from '../api/extension-api';
import type { SavedArticleView } from '../api/library-api';
import type { ArticleSource } from './article-source';

const NO_REMOVALS: ExtractResult['removed'] = {
  comments: 0,
  promos: 0,
  newsletters: 0,
  related: 0,
  share: 0,
  ads: 0,
  other: 0,
};

/** The saved entry in the shape the reading surfaces render (the HTML is sanitised again there). */
export function savedToArticle({ article: a, html, text }: SavedArticleView): ExtractResult {
  const isArticle = a.status === 'complete' && html.trim() !== '';
  return {
    isArticle,
    pageType: a.pageType ?? 'article',
    url: a.url,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    lang: a.lang,
    dir: a.dir,
    excerpt: a.excerpt,
    leadImage: a.leadImage,
    html,
    text,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    removed: a.removed ?? NO_REMOVALS,
  };
}

export function createSavedArticleSource(api: ExtensionApi, id: string): ArticleSource {
  return {
    async load({ force }) {
      // "Show anyway" on an entry saved as a link downloads its text (when its site may be reached).
      if (force) await api.library.fetchMissing([id]);
      const highlights = api.highlights.list(id);
      // Its failure is the highlights store's to handle, once it takes the answer.
      highlights.catch(() => undefined);
      const saved = await api.library.getSavedArticle(id);
      return {
        article: savedToArticle(saved),
        tabId: null,
        isLinkOnly: !(saved.article.status === 'complete' && saved.html.trim() !== ''),
        saved: { id, position: saved.article.position, isRead: saved.article.isRead, highlights },
      };
    },
  };
}
