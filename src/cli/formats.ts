/** The CLI's output formats. Each returns the text written for one input. */
import type { ExtractResult } from '../extract/types';
import { englishReason } from '../shared/i18n/english';
import { createMarkdownService } from '../shared/markdown';
import type { DecodedHtml } from './decode';

export const FORMATS = ['text', 'json', 'html', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface Rendered {
  input: string;
  result: ExtractResult;
  /** How the page's bytes were decoded, where they were read here. */
  decoded?: Pick<DecodedHtml, 'encoding' | 'source'>;
}

/** Why a page has nothing to read, in English (the CLI is a developer's tool). */
export function reasonInEnglish(result: ExtractResult): string {
  return englishReason(result.reason ?? 'no-text');
}

/**
 * One JSON object per line (JSON Lines): `input` first, then the engine's fields (a page with
 * nothing to read gives its `reason` in English and its `reasonCode`), then the encoding the page
 * was read in and the rule that chose it (`bom`, `http`, `meta`, `detected`, `default`).
 */
export function toJsonLine({ input, result, decoded }: Rendered): string {
  const encoding = decoded ? { encoding: decoded.encoding, encodingSource: decoded.source } : {};
  const reason = result.reason ? { reason: reasonInEnglish(result), reasonCode: result.reason } : {};
  return `${JSON.stringify({ input, ...result, ...reason, ...encoding })}\n`;
}

export function toText({ result }: Rendered): string {
  return result.text ? `${result.text}\n` : '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone page: the sanitised article with its title and byline, no scripts, no remote styles. */
export function toHtml({ result }: Rendered): string {
  const lang = result.lang ? ` lang="${escapeHtml(result.lang)}"` : '';
  const dir = result.dir ? ` dir="${escapeHtml(result.dir)}"` : '';
  const byline = result.byline ? `\n<p class="byline">${escapeHtml(result.byline)}</p>` : '';
  return `<!doctype html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<title>${escapeHtml(result.title)}</title>
<link rel="canonical" href="${escapeHtml(result.url)}">
</head>
<body>
<article>
<h1>${escapeHtml(result.title)}</h1>${byline}
${result.html}
</article>
</body>
</html>
`;
}

/** YAML front matter: every value a JSON string, which YAML reads as a double-quoted scalar. */
function frontMatter(result: ExtractResult): string {
  const fields: [string, string | number | null][] = [
    ['title', result.title],
    ['byline', result.byline],
    ['site', result.siteName],
    ['published', result.publishedTime],
    ['url', result.url],
    ['lang', result.lang],
    ['excerpt', result.excerpt],
    ['words', result.wordCount],
    ['reading_minutes', result.readingMinutes],
  ];
  const lines = fields
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

export function createMarkdownRenderer(parseFragment: (html: string) => HTMLElement): (rendered: Rendered) => string {
  const turndown = createMarkdownService({ frames: 'drop' });
  return ({ result }) => {
    if (!result.isArticle && !result.html) return frontMatter(result);
    const body = turndown.turndown(parseFragment(result.html));
    return `${frontMatter(result)}\n# ${result.title}\n\n${body}\n`;
  };
}
