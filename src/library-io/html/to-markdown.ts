/** Article HTML to Markdown, images pointing wherever `imageSrc` says. */
import { sanitiseHtml } from '../../sanitise/policy';
import { createMarkdownService } from '../../shared/markdown';
import { parseBody, type DomWindow } from './dom-window';

export function htmlToMarkdown(win: DomWindow, html: string, imageSrc: (url: string) => string = (u) => u): string {
  // Cleaned again as it is stored today: a body saved under an older policy exports like a new one.
  const doc = parseBody(win, sanitiseHtml(html, { window: win, profile: 'stored' }));
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    img.setAttribute('src', imageSrc(img.getAttribute('src') ?? ''));
  }
  return createMarkdownService().turndown(doc.body).trim();
}
