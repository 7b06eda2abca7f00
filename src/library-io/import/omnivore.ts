/**
 * Omnivore's export zip: `metadata_<from>_to_<to>.json` files, each an array of items (`url`,
 * `slug`, `title`, `author`, `description`, `labels`, `state`, `readingProgress`, `savedAt`,
 * `updatedAt`, `publishedAt`, `thumbnail`), and the readable content of each in
 * `content/<slug>.html`, and its highlights in `highlights/<slug>.md` (see `omnivore-highlights.ts`).
 * Items with content become full articles (their HTML is sanitised when stored); the others become
 * links to fetch. Highlights go with their item either way.
 */
import { parseOmnivoreHighlights } from './omnivore-highlights';
import {
  emptyFields,
  ImportFileError,
  isWebUrl,
  parseTime,
  type ImportDraft,
  type ParsedImport,
  type QuotedHighlight,
} from './types';

interface OmnivoreItem {
  slug?: unknown;
  url?: unknown;
  title?: unknown;
  author?: unknown;
  description?: unknown;
  labels?: unknown;
  state?: unknown;
  readingProgress?: unknown;
  savedAt?: unknown;
  updatedAt?: unknown;
  publishedAt?: unknown;
  thumbnail?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The export has no dates for highlights: they take the item's last change (a highlight changes
 * it), a millisecond apart so that lists oldest first keep the file's order.
 */
function quotedHighlights(markdown: string, changedAt: number | null): QuotedHighlight[] {
  return parseOmnivoreHighlights(markdown).map((h, i) => ({
    ...h,
    createdAt: changedAt === null ? null : changedAt + i,
  }));
}

export function isOmnivoreExport(files: Record<string, Uint8Array>): boolean {
  return Object.keys(files).some((name) => /(^|\/)metadata_\d+_to_\d+\.json$/.test(name));
}

export function parseOmnivoreExport(files: Record<string, Uint8Array>): ParsedImport {
  const decoder = new TextDecoder();
  const items: OmnivoreItem[] = [];
  const contentBySlug = new Map<string, string>();
  const highlightsBySlug = new Map<string, string>();
  for (const [name, bytes] of Object.entries(files)) {
    const content = /(?:^|\/)content\/(.+)\.html$/.exec(name);
    if (content) contentBySlug.set(content[1]!, decoder.decode(bytes));
    const highlights = /(?:^|\/)highlights\/(.+)\.md$/.exec(name);
    if (highlights) highlightsBySlug.set(highlights[1]!, decoder.decode(bytes));
    if (!/(^|\/)metadata_\d+_to_\d+\.json$/.test(name)) continue;
    let list: unknown;
    try {
      list = JSON.parse(decoder.decode(bytes));
    } catch {
      throw new ImportFileError('omnivore-unreadable', [name]);
    }
    if (!Array.isArray(list)) throw new ImportFileError('omnivore-not-list', [name]);
    items.push(...(list as OmnivoreItem[]));
  }
  const drafts: ImportDraft[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!isWebUrl(item.url) || String(item.state).toLowerCase() === 'deleted') {
      skipped++;
      continue;
    }
    const slug = text(item.slug);
    const html = (slug && contentBySlug.get(slug)) || '';
    const savedAt = parseTime(item.savedAt);
    const updatedAt = parseTime(item.updatedAt);
    const progress =
      typeof item.readingProgress === 'number' ? Math.min(Math.max(item.readingProgress / 100, 0), 1) : 0;
    const labels = Array.isArray(item.labels) ? item.labels.filter((l): l is string => typeof l === 'string') : [];
    const thumbnail = text(item.thumbnail);
    drafts.push({
      url: item.url.trim(),
      canonicalUrl: null,
      fields: {
        ...emptyFields(text(item.title) ?? item.url),
        byline: text(item.author),
        excerpt: text(item.description),
        publishedTime: text(item.publishedAt),
        leadImage: thumbnail && isWebUrl(thumbnail) ? { src: thumbnail, alt: '' } : null,
      },
      status: html ? 'complete' : 'link',
      source: 'omnivore',
      html,
      text: null,
      imageUrls: null,
      images: [],
      quotedHighlights: quotedHighlights((slug && highlightsBySlug.get(slug)) || '', updatedAt ?? savedAt),
      state: {
        ...(savedAt !== null ? { savedAt } : {}),
        ...(updatedAt !== null ? { updatedAt } : savedAt !== null ? { updatedAt: savedAt } : {}),
        tags: labels,
        isArchived: /archived/i.test(String(item.state)),
        isRead: progress >= 0.98,
        position: progress > 0 ? { progress } : null,
      },
    });
  }
  if (drafts.length === 0) throw new ImportFileError('omnivore-empty');
  return { kind: 'omnivore', drafts, skipped };
}
