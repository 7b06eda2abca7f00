/**
 * Markdown export: one `.md` file with front matter per article. With `images: 'files'` the stored
 * images go beside it in a zip (`<slug>/index.md`, `<slug>/images/1.png`); with `'links'` they
 * stay links to the original addresses. Several articles always make a zip. The Obsidian bundle
 * (`exportObsidian`) is the same with Obsidian's layout: `<slug>/article.md` and its images under
 * `<slug>/assets/`, linked relatively, so a vault it is unpacked into reads offline.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { fileSlug, IMAGE_EXTENSIONS } from '../bytes';
import type { DomHost } from '../dom-host';
import { frontMatter } from './front-matter';
import type { ExportArticle, ExportFile } from './types';

export type MarkdownImages = 'files' | 'links';

async function articleMarkdown(
  dom: Pick<DomHost, 'toMarkdown'>,
  article: ExportArticle,
  imageSrc: Record<string, string>,
): Promise<string> {
  const body = await dom.toMarkdown({ html: article.content.html, imageSrc, highlights: article.highlights ?? [] });
  const title = `# ${article.record.title.replace(/\n/g, ' ')}`;
  const link = `[${article.record.siteName ?? article.record.host}](${article.record.url})`;
  return `${frontMatter(article.record, article.highlights)}\n${title}\n\n${link}\n\n${body}\n`;
}

export async function exportMarkdown(
  dom: Pick<DomHost, 'toMarkdown'>,
  articles: ExportArticle[],
  options: { images: MarkdownImages; baseName: string },
): Promise<ExportFile> {
  const slugs = new Set<string>();
  if (articles.length === 1 && options.images === 'links') {
    const [article] = articles as [ExportArticle];
    return {
      fileName: `${fileSlug(article.record.title, slugs)}.md`,
      mimeType: 'text/markdown',
      bytes: strToU8(await articleMarkdown(dom, article, {})),
    };
  }
  return markdownZip(dom, articles, { ...options, note: 'index.md', imageFolder: 'images' });
}

/** One folder per article: its Markdown and, with `images: 'files'`, its images beside it. */
async function markdownZip(
  dom: Pick<DomHost, 'toMarkdown'>,
  articles: ExportArticle[],
  options: { images: MarkdownImages; baseName: string; note: string; imageFolder: string },
): Promise<ExportFile> {
  const slugs = new Set<string>();
  const files: Zippable = {};
  for (const article of articles) {
    const slug = fileSlug(article.record.title, slugs);
    const local: Record<string, string> = {};
    if (options.images === 'files') {
      article.images.forEach((image, i) => {
        const name = `${options.imageFolder}/${i + 1}.${IMAGE_EXTENSIONS[image.type] ?? 'bin'}`;
        local[image.url] = name;
        files[`${slug}/${name}`] = [image.bytes, { level: 0 }];
      });
    }
    files[`${slug}/${options.note}`] = strToU8(await articleMarkdown(dom, article, local));
  }
  return { fileName: `${options.baseName}.zip`, mimeType: 'application/zip', bytes: zipSync(files, { level: 6 }) };
}

/** The Obsidian bundle: `<slug>/article.md` with its images under `<slug>/assets/`. */
export function exportObsidian(
  dom: Pick<DomHost, 'toMarkdown'>,
  articles: ExportArticle[],
  options: { baseName: string },
): Promise<ExportFile> {
  return markdownZip(dom, articles, {
    images: 'files',
    baseName: `${options.baseName}-obsidian`,
    note: 'article.md',
    imageFolder: 'assets',
  });
}
