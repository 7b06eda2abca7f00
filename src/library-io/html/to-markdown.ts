/** Article HTML to Markdown, images pointing wherever `imageSrc` says, highlights as `==text==`. */
import type { HighlightRecord } from '../../highlights/types';
import { sanitiseHtml } from '../../sanitise/policy';
import { createMarkdownService } from '../../shared/markdown';
import { parseBody, type DomWindow } from './dom-window';
import { insertAfterLastMark, markHighlights } from './mark-highlights';

/** A footnote definition; the lines of a note after its first are indented to stay in it. */
function footnote(number: number, note: string): string {
  return `[^${number}]: ${note.trim().replace(/\r?\n/g, '\n    ')}`;
}

export function htmlToMarkdown(
  win: DomWindow,
  html: string,
  imageSrc: (url: string) => string = (u) => u,
  highlights: readonly HighlightRecord[] = [],
): string {
  // Cleaned again as it is stored today: a body saved under an older policy exports like a new one.
  const doc = parseBody(win, sanitiseHtml(html, { window: win, profile: 'stored' }));
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    img.setAttribute('src', imageSrc(img.getAttribute('src') ?? ''));
  }
  const { marked, orphaned } = markHighlights(doc.body, highlights);
  const notes: string[] = [];
  for (const m of marked) {
    if (!m.highlight.note.trim()) continue;
    const sup = doc.createElement('sup');
    sup.setAttribute('data-footnote', String(notes.length + 1));
    // Not empty: Turndown drops empty elements before any rule sees them.
    sup.textContent = String(notes.length + 1);
    insertAfterLastMark(m, sup);
    notes.push(m.highlight.note);
  }
  const service = createMarkdownService();
  let markdown = service.turndown(doc.body).trim();
  // Highlights the text no longer has: listed after it with their notes, never dropped.
  if (orphaned.length > 0) {
    const items = orphaned.map((h) => {
      const quote = service.escape(h.quote.exact.replace(/\s+/g, ' ').trim());
      if (!h.note.trim()) return `- ==${quote}==`;
      notes.push(h.note);
      return `- ==${quote}==[^${notes.length}]`;
    });
    markdown += `\n\n---\n\n${items.join('\n')}`;
  }
  if (notes.length > 0) markdown += `\n\n${notes.map((note, i) => footnote(i + 1, note)).join('\n\n')}`;
  return markdown;
}
