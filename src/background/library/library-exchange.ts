/**
 * Export and import, on top of the library service. Export reads the chosen articles with their
 * image bytes and hands them to a writer in src/library-io; import parses and checks the whole file
 * first (a bad file changes nothing), then sanitises and stores it in chunks of a few hundred
 * articles, each chunk one transaction: a full disk halfway keeps the chunks before it.
 */
import type { DomHost } from '../../library-io/dom-host';
import { exportEpub } from '../../library-io/export/epub-export';
import { exportHtml } from '../../library-io/export/html-export';
import { writeLibraryArchive } from '../../library-io/export/library-archive';
import { exportMarkdown, exportObsidian } from '../../library-io/export/markdown-export';
import type { ExportArticle, ExportFile } from '../../library-io/export/types';
import { chunkDrafts, type ChunkLimits } from '../../library-io/import/import-chunks';
import { parseImportFile } from '../../library-io/import/parse-import';
import type { ImportDraft } from '../../library-io/import/types';
import { recordsOfQuoted } from '../../library-io/import/quoted-highlights';
import type { SaveInput } from '../../storage/article-repository';
import { LibraryError } from '../../storage/errors';
import type { ArticleRecord } from '../../storage/types';
import type { ExportRequest, ImportSummary } from '../../shared/messaging/library-protocol';
import type { HighlightSelectors } from '../../highlights/types';
import { toAnnotationCollection } from '../../highlights/web-annotation';
import type { HighlightService } from './highlight-service';
import type { LibraryService } from './library-service';

export interface ImportOptions {
  limits?: ChunkLimits;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Aborted: stop after the chunk being written. */
  signal?: AbortSignal;
}

export interface ExchangeDeps {
  service: LibraryService;
  highlights: HighlightService;
  dom: DomHost;
  now?: () => Date;
  newId?: () => string;
}

/** An export file, held as a Blob until the page has read it. */
export interface ExportBlob {
  fileName: string;
  mimeType: string;
  blob: Blob;
}

/** Zip output is moved into the Blob every few megabytes. */
const FOLD_BYTES = 8 * 1024 * 1024;

function dateStamp(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createLibraryExchange({
  service,
  highlights,
  dom,
  now = () => new Date(),
  newId = () => crypto.randomUUID(),
}: ExchangeDeps) {
  const { repo } = service;

  async function recordsFor(ids: string[] | null): Promise<ArticleRecord[]> {
    let records: ArticleRecord[];
    if (ids === null) {
      records = [...(await service.records()).values()].sort((a, b) => b.savedAt - a.savedAt);
    } else {
      records = (await Promise.all(ids.map((id) => repo.get(id)))).filter((r): r is ArticleRecord => !!r);
    }
    if (records.length === 0) throw new LibraryError('not-found', 'nothing-to-export');
    return records;
  }

  /** One article with its body and image bytes, read when the writer gets to it. */
  async function readArticle(record: ArticleRecord): Promise<ExportArticle> {
    const content = (await repo.getContent(record.id)) ?? { id: record.id, html: '', text: '', imageUrls: [] };
    const images = await Promise.all(
      (await repo.listImages(record.id)).map(async (i) => ({
        url: i.url,
        type: i.blob.type,
        bytes: new Uint8Array(await i.blob.arrayBuffer()),
      })),
    );
    // In reading order, so that `images/1` is the article's first picture.
    const order = (url: string) => content.imageUrls.indexOf(url);
    return {
      record,
      content,
      images: images.sort((x, y) => order(x.url) - order(y.url)),
      highlights: await highlights.list(record.id),
    };
  }

  async function* readEach(records: ArticleRecord[]): AsyncGenerator<ExportArticle> {
    for (const record of records) yield await readArticle(record);
  }

  /**
   * The whole library as an archive without holding it in memory twice: articles are read one at
   * a time and the zip's bytes go into a Blob as they come (browsers keep large Blobs out of the
   * script's heap, on disk if need be).
   */
  async function archiveBlob(records: ArticleRecord[], date: Date, baseName: string): Promise<Blob> {
    let blob = new Blob([], { type: 'application/zip' });
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const fold = () => {
      blob = new Blob([blob, ...(pending as BlobPart[])], { type: 'application/zip' });
      pending = [];
      pendingBytes = 0;
    };
    await writeLibraryArchive(readEach(records), { exportedAt: date, baseName }, (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= FOLD_BYTES) fold();
    });
    fold();
    return blob;
  }

  /** Stores one chunk of an import in one transaction, then its highlights; returns how many were new. */
  async function importChunk(drafts: ImportDraft[]): Promise<number> {
    const inputs: SaveInput[] = [];
    const placed: (HighlightSelectors | null)[][] = [];
    for (const draft of drafts) {
      // Bodies from files are untrusted like any page: sanitised here, whatever made the file.
      const prepared = draft.html ? await dom.prepare({ html: draft.html, baseUrl: draft.url }) : null;
      const quotes = (draft.quotedHighlights ?? []).map((q) => q.quote);
      placed.push(prepared && quotes.length > 0 ? await dom.placeQuotes({ html: prepared.html, quotes }) : []);
      inputs.push({
        id: draft.id,
        urlKeys: draft.urlKeys,
        url: draft.url,
        canonicalUrl: draft.canonicalUrl,
        fields: draft.fields,
        status: draft.status,
        source: draft.source,
        html: prepared?.html ?? '',
        text: draft.text ?? prepared?.text ?? '',
        imageUrls: draft.imageUrls ?? prepared?.imageUrls ?? [],
        images: new Map(draft.images.map((i) => [i.url, new Blob([i.bytes as BlobPart], { type: i.type })])),
        state: draft.state,
      });
    }
    const outcomes = await repo.saveAll(inputs);
    await service.written(outcomes.map((o) => o.record));
    // An entry may have joined an article already saved under another id: its highlights follow.
    const imported = drafts.flatMap((draft, i) =>
      (draft.highlights ?? []).map((h) => ({ ...h, articleId: outcomes[i]!.record.id })),
    );
    for (const [i, draft] of drafts.entries()) {
      if (!draft.quotedHighlights?.length) continue;
      const articleId = outcomes[i]!.record.id;
      // Two entries of a file can be one article: what the first brought counts as there (stored
      // already when it was in an earlier chunk).
      const existing = [
        ...(await highlights.repo.listFor(articleId)),
        ...imported.filter((h) => h.articleId === articleId),
      ];
      const entry = { articleId, quoted: draft.quotedHighlights, placed: placed[i]! };
      imported.push(...recordsOfQuoted(entry, existing, { newId, now: now().getTime() }));
    }
    if (imported.length > 0) {
      await highlights.repo.putAll(imported);
      highlights.forget(); // the Highlights view's list is read again
    }
    return outcomes.filter((o) => o.isNew).length;
  }

  return {
    async exportArticles(req: ExportRequest): Promise<ExportBlob> {
      const records = await recordsFor(req.ids);
      const date = now();
      const baseName = `tidy-reader-${req.ids === null ? 'library' : 'articles'}-${dateStamp(date)}`;
      if (req.format === 'archive') {
        return {
          fileName: `${baseName}.zip`,
          mimeType: 'application/zip',
          blob: await archiveBlob(records, date, baseName),
        };
      }
      if (req.format === 'annotations') {
        const items = [];
        for (const record of records) {
          for (const highlight of await highlights.list(record.id)) {
            items.push({ highlight, target: { url: record.url, title: record.title } });
          }
        }
        const json = JSON.stringify(toAnnotationCollection(items, 'Tidy Reader'), null, 2);
        return {
          fileName: `${baseName}-highlights.jsonld`,
          mimeType: 'application/ld+json',
          blob: new Blob([json], { type: 'application/ld+json' }),
        };
      }
      const articles: ExportArticle[] = [];
      for await (const article of readEach(records)) articles.push(article);
      const title = `Tidy Reader — ${dateStamp(date)}`;
      let file: ExportFile;
      switch (req.format) {
        case 'markdown':
          file = await exportMarkdown(dom, articles, { images: req.markdownImages ?? 'files', baseName });
          break;
        case 'obsidian':
          file = await exportObsidian(dom, articles, { baseName });
          break;
        case 'html':
          file = await exportHtml(dom, articles, { title, baseName });
          break;
        case 'epub':
          file = await exportEpub(dom, articles, { title, identifier: newId(), modified: date, baseName });
          break;
      }
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        blob: new Blob([file.bytes as BlobPart], { type: file.mimeType }),
      };
    },

    /**
     * Imports a file: the whole file is read and checked first (a corrupt one changes nothing),
     * then stored a chunk at a time, each chunk its own transaction. `onProgress` hears of every
     * committed chunk; once `signal` is aborted the import stops after the chunk being written,
     * keeping what was committed (importing the same file again adds the rest).
     */
    async importFile(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportSummary> {
      const parsed = await parseImportFile(dom, bytes);
      const total = parsed.drafts.length;
      const summary: ImportSummary = { kind: parsed.kind, added: 0, updated: 0, skipped: parsed.skipped };
      let done = 0;
      options.onProgress?.({ done, total });
      for (const chunk of chunkDrafts(parsed.drafts, options.limits)) {
        if (options.signal?.aborted) break;
        const added = await importChunk(chunk);
        summary.added += added;
        summary.updated += chunk.length - added;
        done += chunk.length;
        options.onProgress?.({ done, total });
      }
      return summary;
    },
  };
}

export type LibraryExchange = ReturnType<typeof createLibraryExchange>;
