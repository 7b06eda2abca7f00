/** Article HTML to Markdown, images pointing wherever `imageSrc` says. */
import { createMarkdownService } from '../../shared/markdown';
import { parseBody, type DomWindow } from './dom-window';

export function htmlToMarkdown(win: DomWindow, html: string, imageSrc: (url: string) => string = (u) => u): string {
  const doc = parseBody(win, html);
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    img.setAttribute('src', imageSrc(img.getAttribute('src') ?? ''));
  }
  return createMarkdownService().turndown(doc.body).trim();
}
