import type { ExtractResult } from '../../extract/types';
import { createMarkdownService } from '../../shared/markdown';

/** The article as Markdown: a title, a source line, then the (already sanitised) body. */
export function articleToMarkdown(article: ExtractResult, body: HTMLElement): string {
  const byline = [article.byline, article.siteName].filter(Boolean).join(', ');
  const header = [`# ${article.title}`, '', byline ? `${byline} — <${article.url}>` : `<${article.url}>`];
  return `${header.join('\n')}\n\n${createMarkdownService().turndown(body.innerHTML)}\n`;
}
