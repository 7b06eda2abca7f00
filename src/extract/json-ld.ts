/**
 * The page's schema.org data (JSON-LD): the article object, with its `articleBody` when the
 * publisher declares one. Tolerates the shapes found in the wild: arrays, `@graph`, CDATA
 * wrappers, several scripts, and types given as arrays.
 */

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  articleBody: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  image: string | null;
  inLanguage: string | null;
  description: string | null;
  isAccessibleForFree: boolean | null;
}

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Recipe|HowTo)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

function flatten(value: Json, out: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    const graph = value['@graph'];
    if (graph) flatten(graph, out, depth + 1);
    const main = value['mainEntity'];
    if (main) flatten(main, out, depth + 1);
  }
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (isObject(value)) return text(value['name']);
  return null;
}

function namesOf(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => nameOf(v)).filter((n): n is string => !!n);
}

function imageOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return imageOf(value[0]);
  if (isObject(value)) return text(value['url']) ?? text(value['contentUrl']);
  return null;
}

export function readJsonLd(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    try {
      flatten(JSON.parse(raw) as Json, nodes);
    } catch {
      // Invalid JSON-LD is common; the page's other metadata still counts.
    }
  }
  return nodes;
}

/** The article object of the page, preferring one that carries an `articleBody`. */
export function findJsonLdArticle(doc: Document): JsonLdArticle | null {
  const articles = readJsonLd(doc).filter((node) => typesOf(node).some((t) => ARTICLE_TYPES.test(t)));
  const node = articles.find((a) => typeof a['articleBody'] === 'string') ?? articles[0];
  if (!node) return null;
  const free = node['isAccessibleForFree'];
  return {
    type: typesOf(node).find((t) => ARTICLE_TYPES.test(t)) ?? 'Article',
    headline: text(node['headline']) ?? text(node['name']),
    articleBody: text(node['articleBody']),
    authors: namesOf(node['author']),
    datePublished: text(node['datePublished']),
    publisher: nameOf(node['publisher']),
    image: imageOf(node['image']) ?? imageOf(node['thumbnailUrl']),
    inLanguage: text(node['inLanguage']),
    description: text(node['description']),
    isAccessibleForFree:
      free === false || free === 'False' || free === 'false' ? false : free === undefined ? null : true,
  };
}

/** Types of every JSON-LD node: a page typed as a collection or search results is no article. */
export function jsonLdTypes(doc: Document): string[] {
  return readJsonLd(doc).flatMap(typesOf);
}
