/**
 * EPUB 3 export: one article, or a selection as one book with a chapter per article and a table
 * of contents. Layout: `mimetype` first and stored uncompressed (how reading systems recognise the
 * file), `META-INF/container.xml`, and in `OEBPS/` the package document, the navigation document
 * (plus an NCX for EPUB 2 readers), one XHTML chapter per article, the stylesheet and the stored
 * images in EPUB's core media types. Images that are not stored (or of other types) become their
 * alt text, because EPUB forbids remote images.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { IMAGE_EXTENSIONS } from '../bytes';
import type { DomHost } from '../dom-host';
import { MARK_STYLE } from '../html/mark-highlights';
import { escapeXml } from '../html/to-xhtml';
import type { ExportArticle, ExportFile } from './types';

const CORE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

const STYLESHEET = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { line-height: 1.2; }
.meta { font-size: 0.85em; color: #555; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
figcaption { font-size: 0.85em; }
pre { white-space: pre-wrap; }
a.media-card { display: block; margin: 1em 0; padding: 0.5em 0.75em; border: 1px solid #999; text-decoration: none; }
a.media-card span { font-weight: bold; }
a.media-card small { display: block; color: #555; }
aside { font-size: 0.9em; }
${MARK_STYLE}
`;

export interface EpubOptions {
  title: string;
  /** The book's unique identifier (a UUID); fixed by the caller so tests are reproducible. */
  identifier: string;
  /** When the book was made (dcterms:modified). */
  modified: Date;
  baseName: string;
}

function xhtmlDocument(title: string, lang: string, body: string, extraNs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${extraNs} lang="${escapeXml(lang)}" xml:lang="${escapeXml(lang)}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

async function chapter(
  dom: Pick<DomHost, 'toXhtml'>,
  article: ExportArticle,
  imageSrc: Record<string, string>,
  lang: string,
): Promise<string> {
  const r = article.record;
  const body = await dom.toXhtml({ html: article.content.html, imageSrc, highlights: article.highlights ?? [] });
  const meta = [r.byline, r.siteName ?? r.host, r.publishedTime?.slice(0, 10)].filter((m): m is string => !!m);
  const articleLang = r.lang ?? lang;
  return xhtmlDocument(
    r.title,
    articleLang,
    `<section epub:type="chapter"${r.dir ? ` dir="${escapeXml(r.dir)}"` : ''}>
<h1>${escapeXml(r.title)}</h1>
<p class="meta">${meta.map(escapeXml).join(' · ')}<br/><a href="${escapeXml(r.url)}">${escapeXml(r.url)}</a></p>
${body}
</section>`,
  );
}

/** EPUB dates: UTC without milliseconds. */
function epubDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function exportEpub(
  dom: Pick<DomHost, 'toXhtml'>,
  articles: ExportArticle[],
  options: EpubOptions,
): Promise<ExportFile> {
  if (articles.length === 0) throw new Error('Nothing to export');
  const lang = articles[0]!.record.lang ?? 'en';
  const title = articles.length === 1 ? articles[0]!.record.title : options.title;
  const creators = [...new Set(articles.map((a) => a.record.byline).filter((b): b is string => !!b))];

  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(CONTAINER);
  const manifest: string[] = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
  ];
  const spine: string[] = [];
  const tocEntries: { href: string; title: string }[] = [];
  let imageCount = 0;

  for (const [index, article] of articles.entries()) {
    const imageFiles: Record<string, string> = {};
    for (const image of article.images) {
      if (!CORE_IMAGE_TYPES.has(image.type)) continue;
      const name = `images/${++imageCount}.${IMAGE_EXTENSIONS[image.type]}`;
      imageFiles[image.url] = name;
      files[`OEBPS/${name}`] = [image.bytes, { level: 0 }];
      manifest.push(`<item id="img${imageCount}" href="${name}" media-type="${image.type}"/>`);
    }
    const href = `chapter-${index + 1}.xhtml`;
    files[`OEBPS/${href}`] = strToU8(await chapter(dom, article, imageFiles, lang));
    manifest.push(`<item id="ch${index + 1}" href="${href}" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="ch${index + 1}"/>`);
    tocEntries.push({ href, title: article.record.title });
  }

  files['OEBPS/style.css'] = strToU8(STYLESHEET);
  files['OEBPS/nav.xhtml'] = strToU8(
    xhtmlDocument(
      title,
      lang,
      `<nav epub:type="toc" id="toc">
<h1>${escapeXml(title)}</h1>
<ol>
${tocEntries.map((e) => `<li><a href="${e.href}">${escapeXml(e.title)}</a></li>`).join('\n')}
</ol>
</nav>`,
    ),
  );
  files['OEBPS/toc.ncx'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="urn:uuid:${options.identifier}"/></head>
<docTitle><text>${escapeXml(title)}</text></docTitle>
<navMap>
${tocEntries
  .map(
    (e, i) =>
      `<navPoint id="np${i + 1}" playOrder="${i + 1}"><navLabel><text>${escapeXml(e.title)}</text></navLabel><content src="${e.href}"/></navPoint>`,
  )
  .join('\n')}
</navMap>
</ncx>
`);
  files['OEBPS/content.opf'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeXml(lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:${options.identifier}</dc:identifier>
<dc:title>${escapeXml(title)}</dc:title>
<dc:language>${escapeXml(lang)}</dc:language>
${creators.map((c) => `<dc:creator>${escapeXml(c)}</dc:creator>`).join('\n')}
<dc:publisher>Tidy Reader</dc:publisher>
<meta property="dcterms:modified">${epubDate(options.modified)}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx">
${spine.join('\n')}
</spine>
</package>
`);
  // fflate writes entries in insertion order, so `mimetype` comes first.
  return {
    fileName: `${options.baseName}.epub`,
    mimeType: 'application/epub+zip',
    bytes: zipSync(files, { level: 6, mtime: options.modified }),
  };
}
