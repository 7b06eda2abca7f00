import TurndownService from 'turndown';
import type { ExtractResult } from '../../extract/types';

/** The article as Markdown: a title, a source line, then the (already sanitised) body. */
export function articleToMarkdown(article: ExtractResult, body: HTMLElement): string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  const byline = [article.byline, article.siteName].filter(Boolean).join(', ');
  const header = [`# ${article.title}`, '', byline ? `${byline} — <${article.url}>` : `<${article.url}>`];
  return `${header.join('\n')}\n\n${turndown.turndown(body.innerHTML)}\n`;
}
