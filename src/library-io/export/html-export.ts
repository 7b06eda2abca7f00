/**
 * One self-contained HTML file: the articles with their stored images as data URIs, a table of
 * contents when there are several, a little CSS, and a CSP that lets the file load no script, no
 * frame and no media (embedded players are cards with a link, as everywhere: src/sanitise).
 */
import { strToU8 } from 'fflate';
import { toDataUrl } from '../bytes';
import type { DomHost } from '../dom-host';
import { replaceImageSources } from '../html/image-sources';
import { escapeXml } from '../html/to-xhtml';
import { MARK_STYLE } from '../html/mark-highlights';
import type { ExportArticle, ExportFile } from './types';

const STYLE = `body{font:1.1rem/1.6 Charter,Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f1d1a;background:#fbfaf7}
@media (prefers-color-scheme:dark){body{color:#ece8e1;background:#1c1b19}a{color:#8fb8f0}}
img{max-width:100%;height:auto}pre,table{overflow-x:auto;display:block}article+article{border-top:1px solid #aaa;margin-top:3rem}
.meta{color:#6b655c;font:0.9rem system-ui,sans-serif}
.media-card{display:block;margin:1.5em 0;padding:.75em 1em;border:1px solid #aaa;border-radius:6px;text-decoration:none}
.media-card::before{content:"\\25B6\\FE0E  "}.media-card span{font-weight:600}.media-card small{display:block;color:#6b655c}
${MARK_STYLE}@media (forced-colors:active){mark{background:Mark;color:MarkText}}`;

async function articleBody(dom: Pick<DomHost, 'toHtml'>, article: ExportArticle): Promise<string> {
  const html = await dom.toHtml({ html: article.content.html, highlights: article.highlights ?? [] });
  return replaceImageSources(html, new Map(article.images.map((i) => [i.url, toDataUrl(i.type, i.bytes)])));
}

export async function exportHtml(
  dom: Pick<DomHost, 'toHtml'>,
  articles: ExportArticle[],
  options: { title: string; baseName: string },
): Promise<ExportFile> {
  const single = articles.length === 1 ? articles[0] : undefined;
  const title = single?.record.title ?? options.title;
  const lang = single?.record.lang ?? articles[0]?.record.lang ?? 'en';
  const toc =
    articles.length > 1
      ? `<nav><h1>${escapeXml(options.title)}</h1><ol>${articles
          .map((a, i) => `<li><a href="#article-${i + 1}">${escapeXml(a.record.title)}</a></li>`)
          .join('')}</ol></nav>`
      : '';
  const bodies = await Promise.all(articles.map((a) => articleBody(dom, a)));
  const sections = articles
    .map((a, i) => {
      const r = a.record;
      const meta = [r.siteName ?? r.host, r.byline, r.publishedTime?.slice(0, 10)]
        .filter(Boolean)
        .map((m) => escapeXml(m!));
      return `<article id="article-${i + 1}" lang="${escapeXml(r.lang ?? lang)}"${r.dir ? ` dir="${escapeXml(r.dir)}"` : ''}>
<h1>${escapeXml(r.title)}</h1>
<p class="meta">${meta.join(' · ')} · <a href="${escapeXml(r.url)}">${escapeXml(r.url)}</a></p>
${bodies[i]}
</article>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${escapeXml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'; frame-src 'none'; media-src 'none'">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${toc}
${sections}
</body>
</html>
`;
  return { fileName: `${options.baseName}.html`, mimeType: 'text/html', bytes: strToU8(html) };
}
