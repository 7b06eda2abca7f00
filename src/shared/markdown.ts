/**
 * The one Turndown configuration: copy as Markdown in the reader, the library's Markdown export
 * and the CLI's `--format markdown` all write Markdown through it, so they spell it alike.
 */
import TurndownService from 'turndown';

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

/** A frame's address as Turndown writes a link whose text is its address. */
function frameLink(service: TurndownService, frame: HTMLIFrameElement): string {
  // `src` is the resolved, serialised address: spaces and angle brackets are already escaped.
  const src = frame.src;
  return src ? `[${service.escape(src)}](${src.replace(/[()]/g, '\\$&')})` : '';
}

export function createMarkdownService({ frames = 'link' }: MarkdownOptions = {}): TurndownService {
  const service = new TurndownService(OPTIONS);
  service.remove(['script', 'style']);
  if (frames === 'drop') service.remove(['iframe']);
  else {
    service.addRule('frameAsLink', {
      filter: 'iframe',
      replacement: (_content, node) => frameLink(service, node as HTMLIFrameElement),
    });
  }
  return service;
}
