/**
 * The article's metadata: Readability's reading of the page (JSON-LD, OpenGraph, Dublin Core,
 * meta tags, bylines in the markup), completed where it found nothing from the page's JSON-LD
 * and meta tags.
 */
import type { JsonLdArticle } from './json-ld';
import type { LeadImage } from './types';
import { resolveUrl } from './urls';

export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  dir?: string | null;
  excerpt?: string | null;
}

export interface ArticleMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: LeadImage | null;
}

const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|he|iw|ks|ku-arab|ps|sd|syr|ug|ur|yi)(-|$)/i;

/** Meta tags by lower-cased `property`, `name` or `itemprop`: the first of each, read in one pass. */
const metaCache = new WeakMap<Document, Map<string, string>>();

function metaTags(doc: Document): Map<string, string> {
  let tags = metaCache.get(doc);
  if (!tags) {
    tags = new Map();
    for (const element of Array.from(doc.querySelectorAll('meta'))) {
      const content = element.getAttribute('content')?.trim();
      if (!content) continue;
      for (const attribute of ['property', 'name', 'itemprop']) {
        const key = element.getAttribute(attribute)?.trim().toLowerCase();
        if (key && !tags.has(key)) tags.set(key, content);
      }
    }
    metaCache.set(doc, tags);
  }
  return tags;
}

function meta(doc: Document, ...names: string[]): string | null {
  const tags = metaTags(doc);
  for (const name of names) {
    const content = tags.get(name.toLowerCase());
    if (content) return content;
  }
  return null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function directionOf(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

function languageOf(doc: Document, jsonLd: JsonLdArticle | null): string | null {
  const locale = meta(doc, 'og:locale');
  return (
    clean(jsonLd?.inLanguage) ??
    clean(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    (locale ? locale.replace('_', '-') : null)
  );
}

function leadImageOf(
  doc: Document,
  jsonLd: JsonLdArticle | null,
  article: Element | null,
  base: string,
): LeadImage | null {
  const declared =
    meta(doc, 'og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? jsonLd?.image;
  const src = declared ? resolveUrl(declared, base) : null;
  if (src && /^https?:/i.test(src)) {
    const alt = meta(doc, 'og:image:alt', 'twitter:image:alt') ?? '';
    return { src, alt };
  }
  const img = article?.querySelector('img[src^="http"]');
  return img ? { src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? '' } : null;
}

/**
 * An author marked up as such: schema.org microdata, a link with `rel="author"`, or the link in
 * a byline block (which Readability misses when the block sits in a header it discards).
 */
function authorInMarkup(doc: Document): string | null {
  const byline = doc.querySelector('[class*="byline" i], [class*="post-author" i], [class*="entry-author" i]');
  const candidates = [
    doc.querySelector('[itemprop~="author"] [itemprop~="name"]'),
    doc.querySelector('[itemprop~="author"]'),
    doc.querySelector('a[rel~="author"]'),
    byline?.querySelector('a[href]') ?? byline,
  ];
  for (const element of candidates) {
    const text = clean(element?.textContent);
    if (text && text.length < 100) return text;
  }
  return null;
}

export function buildMetadata(
  doc: Document,
  parsed: ReadabilityMetadata,
  jsonLd: JsonLdArticle | null,
  article: Element | null,
  base: string,
): ArticleMetadata {
  const lang = clean(parsed.lang) ?? languageOf(doc, jsonLd);
  const dir =
    directionOf(parsed.dir) ??
    directionOf(doc.documentElement?.getAttribute('dir')) ??
    directionOf(doc.body?.getAttribute('dir')) ??
    (lang && RTL_LANGUAGES.test(lang) ? 'rtl' : null);
  return {
    title: clean(parsed.title) ?? clean(jsonLd?.headline) ?? clean(doc.title) ?? '',
    byline:
      clean(parsed.byline) ??
      clean(jsonLd?.authors.join(', ')) ??
      meta(doc, 'author', 'dc.creator') ??
      authorInMarkup(doc),
    siteName: clean(parsed.siteName) ?? clean(jsonLd?.publisher) ?? meta(doc, 'og:site_name', 'application-name'),
    publishedTime:
      clean(parsed.publishedTime) ??
      clean(jsonLd?.datePublished) ??
      meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'pubdate') ??
      clean(doc.querySelector('time[pubdate][datetime], article time[datetime]')?.getAttribute('datetime')),
    lang,
    dir,
    excerpt: clean(parsed.excerpt) ?? clean(jsonLd?.description),
    leadImage: leadImageOf(doc, jsonLd, article, base),
  };
}

/** The page's own summary (not Readability's first-paragraph fallback). */
export function describedAs(doc: Document, jsonLd: JsonLdArticle | null): string | null {
  return meta(doc, 'description', 'og:description', 'twitter:description') ?? clean(jsonLd?.description);
}
