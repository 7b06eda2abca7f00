/**
 * YAML front matter for Markdown exports. Strings are written as JSON strings, which YAML reads
 * as double-quoted scalars: no quoting rules to get wrong for titles with colons or quotes.
 */
import type { HighlightRecord } from '../../highlights/types';
import type { ArticleRecord } from '../../storage/types';

type Value = string | number | boolean | string[] | null;

function yamlValue(value: Value): string {
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  if (value === null) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The article's fields, and its highlighted passages as a `highlights` list (a property Obsidian
 * shows and searches), in the order they were made.
 */
export function frontMatter(record: ArticleRecord, highlights: readonly HighlightRecord[] = []): string {
  const fields: [string, Value][] = [
    ['title', record.title],
    ['author', record.byline],
    ['site', record.siteName ?? record.host],
    ['url', record.url],
    ['canonical_url', record.canonicalUrl],
    ['published', record.publishedTime],
    ['saved', new Date(record.savedAt).toISOString()],
    ['updated', new Date(record.updatedAt).toISOString()],
    ['lang', record.lang],
    ['tags', record.tags],
    ['excerpt', record.excerpt],
    ['reading_minutes', record.readingMinutes],
    ['read', record.isRead],
    ['archived', record.isArchived],
    ['favorite', record.isFavorite],
    ['highlights', highlights.map((h) => h.quote.exact.replace(/\s+/g, ' ').trim())],
  ];
  const lines = fields
    .filter(([k, v]) => v !== null && v !== '' && !(k === 'highlights' && (v as string[]).length === 0))
    .map(([k, v]) => `${k}: ${yamlValue(v)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
