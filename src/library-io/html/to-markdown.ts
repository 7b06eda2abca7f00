/** Article HTML to Markdown with Turndown, images pointing wherever `imageSrc` says. */
import { parseBody, type DomWindow } from './dom-window';
import TurndownService from 'turndown';

export function htmlToMarkdown(win: DomWindow, html: string, imageSrc: (url: string) => string = (u) => u): string {
  const doc = parseBody(win, html);
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    img.setAttribute('src', imageSrc(img.getAttribute('src') ?? ''));
  }
  doc.querySelectorAll('iframe').forEach((frame) => {
    const link = doc.createElement('a');
    link.href = frame.getAttribute('src') ?? '';
    link.textContent = link.href;
    frame.replaceWith(link);
  });
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
  });
  return service.turndown(doc.body).trim();
}
