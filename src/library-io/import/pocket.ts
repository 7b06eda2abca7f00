/**
 * Pocket's export files. The CSV (`part_000000.csv`, alone or in a zip) has the columns
 * `title,url,time_added,tags,status` with tags joined by `|` and status `unread` or `archive`;
 * the older HTML export (`ril_export.html`) lists links under "Unread" and "Read Archive" headings,
 * with `time_added` and comma-separated `tags` attributes. Both hold addresses only: the entries
 * become links for the library to fetch. The zip's highlights (`pocket-annotations.ts`) go with
 * their link, placed once its text is there.
 */
import Papa from 'papaparse';
import {
  emptyFields,
  ImportFileError,
  isWebUrl,
  parseTime,
  type ImportDraft,
  type ParsedImport,
  type QuotedHighlight,
} from './types';

function linkDraft(url: string, title: string, added: number | null, tags: string[], isArchived: boolean): ImportDraft {
  const trimmed = url.trim();
  return {
    url: trimmed,
    canonicalUrl: null,
    fields: emptyFields(title.trim() || trimmed),
    status: 'link',
    source: 'pocket',
    html: '',
    text: '',
    imageUrls: [],
    images: [],
    state: {
      ...(added !== null ? { savedAt: added, updatedAt: added } : {}),
      tags,
      isArchived,
      isRead: isArchived,
    },
  };
}

export function looksLikePocketCsv(text: string): boolean {
  const header = text.slice(0, 500).split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  return /(^|,)"?url"?(,|$)/.test(header);
}

/** One CSV file, or every part of the zip (Pocket writes 10,000 entries to a part). */
export function parsePocketCsv(parts: string | string[]): ParsedImport {
  const drafts: ImportDraft[] = [];
  let skipped = 0;
  for (const text of typeof parts === 'string' ? [parts] : parts) {
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
      transformHeader: (h) => h.trim().toLowerCase(),
    });
    if (!parsed.meta.fields?.includes('url')) {
      throw new ImportFileError('pocket-no-url-column');
    }
    for (const row of parsed.data) {
      if (!isWebUrl(row.url)) {
        skipped++;
        continue;
      }
      const tags = (row.tags ?? '')
        .split(/[|]/)
        .map((t) => t.trim())
        .filter(Boolean);
      const status = (row.status ?? '').trim().toLowerCase();
      drafts.push(
        linkDraft(
          row.url!,
          row.title ?? '',
          parseTime(row.time_added),
          tags,
          status === 'archive' || status === 'archived',
        ),
      );
    }
  }
  if (drafts.length === 0) throw new ImportFileError('pocket-empty');
  return { kind: 'pocket-csv', drafts, skipped };
}

/** Gives each link the highlights the export has for its address. */
export function withPocketHighlights(parsed: ParsedImport, byUrl: Map<string, QuotedHighlight[]>): ParsedImport {
  if (byUrl.size === 0) return parsed;
  return {
    ...parsed,
    drafts: parsed.drafts.map((draft) => {
      const quoted = byUrl.get(draft.url);
      return quoted ? { ...draft, quotedHighlights: quoted } : draft;
    }),
  };
}

export function parsePocketHtml(doc: Document): ParsedImport {
  const drafts: ImportDraft[] = [];
  let skipped = 0;
  let isArchived = false;
  for (const el of Array.from(doc.querySelectorAll('h1, a[href]'))) {
    if (el.localName === 'h1') {
      isArchived = /archive|read/i.test(el.textContent ?? '') && !/unread/i.test(el.textContent ?? '');
      continue;
    }
    const href = el.getAttribute('href');
    if (!isWebUrl(href)) {
      skipped++;
      continue;
    }
    const tags = (el.getAttribute('tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    drafts.push(linkDraft(href, el.textContent ?? '', parseTime(el.getAttribute('time_added')), tags, isArchived));
  }
  if (drafts.length === 0) throw new ImportFileError('pocket-html-empty');
  return { kind: 'pocket-html', drafts, skipped };
}
