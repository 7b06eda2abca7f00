/**
 * Export and import, on top of the library service. Export reads the chosen articles with their
 * image bytes and hands them to a writer in src/library-io; import parses and checks the whole file
 * first, sanitises every body, then stores everything in one transaction: a bad file, or a full
 * disk halfway, changes nothing.
 */
import type { DomHost } from '../../library-io/dom-host';
import { exportEpub } from '../../library-io/export/epub-export';
import { exportHtml } from '../../library-io/export/html-export';
import { exportLibraryArchive } from '../../library-io/export/library-archive';
import { exportMarkdown } from '../../library-io/export/markdown-export';
import type { ExportArticle, ExportFile } from '../../library-io/export/types';
import { parseImportFile } from '../../library-io/import/parse-import';
import type { SaveInput } from '../../storage/article-repository';
import { LibraryError } from '../../storage/errors';
import type { ArticleRecord } from '../../storage/types';
import type { ExportRequest, ImportSummary } from '../../shared/messaging/library-protocol';
import type { LibraryService } from './library-service';

export interface ExchangeDeps {
  service: LibraryService;
  dom: DomHost;
  now?: () => Date;
  newId?: () => string;
}

function dateStamp(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createLibraryExchange({
  service,
  dom,
  now = () => new Date(),
  newId = () => crypto.randomUUID(),
}: ExchangeDeps) {
  const { repo } = service;

  async function readArticles(ids: string[] | null): Promise<ExportArticle[]> {
    let records: ArticleRecord[];
    if (ids === null) {
      records = [...(await service.records()).values()].sort((a, b) => b.savedAt - a.savedAt);
    } else {
      records = (await Promise.all(ids.map((id) => repo.get(id)))).filter((r): r is ArticleRecord => !!r);
    }
    if (records.length === 0) throw new LibraryError('not-found', 'There is nothing to export.');
    const articles: ExportArticle[] = [];
    for (const record of records) {
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
      articles.push({ record, content, images: images.sort((x, y) => order(x.url) - order(y.url)) });
    }
    return articles;
  }

  return {
    async exportArticles(req: ExportRequest): Promise<ExportFile> {
      const articles = await readArticles(req.ids);
      const date = now();
      const baseName = `tidy-reader-${req.ids === null ? 'library' : 'articles'}-${dateStamp(date)}`;
      const title = `Tidy Reader — ${dateStamp(date)}`;
      switch (req.format) {
        case 'markdown':
          return exportMarkdown(dom, articles, { images: req.markdownImages ?? 'files', baseName });
        case 'html':
          return exportHtml(articles, { title, baseName });
        case 'epub':
          return exportEpub(dom, articles, { title, identifier: newId(), modified: date, baseName });
        case 'archive':
          return exportLibraryArchive(articles, { exportedAt: date, baseName });
      }
    },

    async importFile(bytes: Uint8Array): Promise<ImportSummary> {
      const parsed = await parseImportFile(dom, bytes);
      const inputs: SaveInput[] = [];
      for (const draft of parsed.drafts) {
        // Bodies from files are untrusted like any page: sanitised here, whatever made the file.
        const prepared = draft.html ? await dom.prepare({ html: draft.html, baseUrl: draft.url }) : null;
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
      await service.written(
        outcomes.map((o) => o.record),
        { textChanged: true },
      );
      const added = outcomes.filter((o) => o.isNew).length;
      return { kind: parsed.kind, added, updated: outcomes.length - added, skipped: parsed.skipped };
    },
  };
}

export type LibraryExchange = ReturnType<typeof createLibraryExchange>;
