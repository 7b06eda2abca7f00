/**
 * The one Turndown configuration: copy as Markdown in the reader, the library's Markdown export
 * and the CLI's `--format markdown` all write Markdown through it, so they spell it alike.
 */
import TurndownService from 'turndown';
import { MEDIA_CARD_CLASS } from '../sanitise/media-card';

const OPTIONS: TurndownService.Options = {
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '_',
};

export interface MarkdownOptions {
  /**
   * An embedded frame (a video player): its address as a link (`link`, the default), or nothing
   * (`drop`, what the CLI has always written).
   */
  frames?: 'link' | 'drop';
}

/** An embedded player's card (src/sanitise/media-card.ts): a link, "Title (Provider)", on its own line. */
function mediaCardLink(service: TurndownService, card: HTMLElement): string {
  const href = card.getAttribute('href') ?? '';
  const title = card.querySelector('span')?.textContent?.trim();
  const provider = card.querySelector('small')?.textContent?.trim() ?? '';
  const text = title ? `${title} (${provider})` : provider;
  return href ? `\n\n[${service.escape(text)}](${href.replace(/[()]/g, '\\$&')})\n\n` : '';
}

/** A frame's address as Turndown writes a link whose text is its address. */
function frameLink(service: TurndownService, frame: HTMLIFrameElement): string {
  // `src` is the resolved, serialised address: spaces and angle brackets are already escaped.
  const src = frame.src;
  return src ? `[${service.escape(src)}](${src.replace(/[()]/g, '\\$&')})` : '';
}

export function createMarkdownService({ frames = 'link' }: MarkdownOptions = {}): TurndownService {
  const service = new TurndownService(OPTIONS);
  service.remove(['script', 'style']);
  service.addRule('mediaCard', {
    filter: (node) => node.nodeName === 'A' && node.classList.contains(MEDIA_CARD_CLASS),
    replacement: (_content, node) => mediaCardLink(service, node as HTMLElement),
  });
  // Highlights (src/highlights): `==text==`, the syntax Obsidian and most Markdown editors read,
  // and a note's reference as a footnote (`[^1]`, defined after the text by the writer).
  service.addRule('highlight', {
    filter: 'mark',
    replacement: (content) => (content.trim() ? `==${content}==` : content),
  });
  service.addRule('footnoteReference', {
    filter: (node) => node.nodeName === 'SUP' && node.hasAttribute('data-footnote'),
    replacement: (_content, node) => `[^${(node as HTMLElement).getAttribute('data-footnote')}]`,
  });
  if (frames === 'drop') service.remove(['iframe']);
  else {
    service.addRule('frameAsLink', {
      filter: 'iframe',
      replacement: (_content, node) => frameLink(service, node as HTMLIFrameElement),
    });
  }
  return service;
}
