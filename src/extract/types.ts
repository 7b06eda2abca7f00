/** Plain data out of the extraction core: JSON-safe, so it crosses message channels unchanged. */

export interface RemovedCounts {
  comments: number;
  promos: number;
  newsletters: number;
  related: number;
  share: number;
  ads: number;
  other: number;
}

export interface LeadImage {
  src: string;
  alt: string;
}

export interface ExtractOptions {
  /** The page's address: resolves relative links and feeds metadata. */
  url: string;
  /** Keep the comment thread in the extracted article. */
  keepComments?: boolean;
  /** Extract even when the page does not look like an article. */
  force?: boolean;
  /** Wall-clock budget in milliseconds before the engine settles for what it has. */
  budgetMs?: number;
}

/**
 * What kind of page the content came from: it changes what the reader shows (a thread's posts, a
 * list's items) and how the reader labels it.
 */
export const PAGE_TYPES = ['article', 'documentation', 'discussion', 'product', 'list', 'page'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/**
 * Why a page has nothing to read, as a code: the pages say it in the reader's language
 * (`src/shared/i18n/failures.ts`), the CLI in English from the same catalogue.
 */
export const NOT_ARTICLE_REASONS = ['no-text', 'sign-in', 'links', 'too-large'] as const;
export type NotArticleReason = (typeof NOT_ARTICLE_REASONS)[number];

export interface ExtractResult {
  /** Whether there is content to read (an article, a thread, a product, a list…). */
  isArticle: boolean;
  pageType: PageType;
  /** Why the page is not treated as an article (set when `isArticle` is false). */
  reason?: NotArticleReason;
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
  /** Sanitised article HTML. */
  html: string;
  /** Body text, blocks separated by blank lines. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  removed: RemovedCounts;
}
