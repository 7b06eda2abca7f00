/**
 * The highlights of Pocket's export zip: `annotations/part_000000.json` (and further parts), each a
 * list of `{ url, title, highlights: [{ quote, created_at }] }`, `created_at` in seconds and `url`
 * the address as saved, the same as the CSV's `url` column (Pocket's `AnnotationsDataExportService`
 * in pocket-monorepo, servers/account-data-deleter). No notes, colours or offsets. An entry or a
 * part that is not in this shape is left out; the rest of the file still imports.
 */
import { parseTime, type QuotedHighlight } from './types';

export function isPocketAnnotationsFile(name: string): boolean {
  return /(^|\/)annotations\/[^/]+\.json$/i.test(name);
}

/** The highlights of every part, by the address they were saved under. */
export function parsePocketAnnotations(parts: Uint8Array[]): Map<string, QuotedHighlight[]> {
  const byUrl = new Map<string, QuotedHighlight[]>();
  for (const bytes of parts) {
    let entries: unknown;
    try {
      entries = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      continue;
    }
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as { url?: unknown; highlights?: unknown }[]) {
      if (typeof entry?.url !== 'string' || !Array.isArray(entry.highlights)) continue;
      const url = entry.url.trim();
      for (const h of entry.highlights as { quote?: unknown; created_at?: unknown }[]) {
        if (typeof h?.quote !== 'string' || !h.quote.trim()) continue;
        const list = byUrl.get(url) ?? [];
        list.push({ quote: h.quote.trim(), note: '', createdAt: parseTime(h.created_at) });
        byUrl.set(url, list);
      }
    }
  }
  return byUrl;
}
