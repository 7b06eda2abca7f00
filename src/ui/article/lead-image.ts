/**
 * Whether the lead image (the page's `og:image`) repeats a picture the body already shows. Sites
 * often declare it on a CDN host with size parameters while the article's first figure has another
 * address for the same picture, and the reader showed it twice.
 *
 * Two addresses are taken for one picture by their file name once sizes and formats are stripped
 * (`?w=1200&q=80`, `/1200x630/`, `-1200x630`, `_large`, `.webp`), and the lead is compared with the
 * body's first image only when that image opens the article: a picture further down is a picture of
 * its own, and the lead at the top is not a repeat of it.
 */

/** Text (in characters) that may come before the body's first image for it to open the article. */
export const NEAR_START_CHARS = 600;

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|jxl|heic|heif|bmp|svg|tiff?)$/;
/** A script that serves pictures (`image.php?id=2`): its name says nothing about which one. */
const SCRIPT_EXTENSION = /\.(?:php|aspx?|ashx|jsp|cgi|pl)$/;

/** Query parameters that carry the real address of a picture served through a resizer. */
const NESTED_ADDRESS_PARAMS = ['url', 'src', 'image', 'img', 'u', 'file'];

/** A whole path segment that only says how big, in which format or which crop: `/1200x630/`, `w_1200,c_fill`. */
const SIZE_SEGMENT = [
  /^\d{2,5}x\d{0,5}$/,
  /^x\d{2,5}$/,
  /^\d{2,5}(?:w|px)$/,
  /^v\d{6,}$/, // an upload version (Cloudinary): the same picture uploaded again
  /^(?:fit-in|resize|resized|crop|cropped|smart|thumbs?|thumbnails?|sizes?|original|full|large|medium|small)$/,
];
/** One option of a resizer's path segment: `w_1200` (Cloudinary), `width=1200` (Cloudflare), `filters:…` (Thumbor). */
const OPTION =
  /^(?:(?:w|h|c|q|f|g|ar|dpr|fl|e|x|y|z|r|b|t|o)_[\w.:-]+|(?:width|height|w|h|quality|q|format|f|fit|crop|dpr|resize|auto|gravity|g|metadata|sharpen|blur|trim|anim|onerror|filters)[=:][\w.:(),-]*)$/;

/** A suffix of a file name that only says how big: `-1200x630`, `_1200w`, `@2x`, `_large`, `-scaled`. */
const SIZE_SUFFIX = [
  /[-_.@](?:\d{2,5}x\d{0,5}|x\d{2,5})$/,
  /@\d(?:\.\d+)?x$/,
  /[-_](?:\d{2,5}(?:w|px)|w\d{2,5})$/,
  /[-_](?:large|medium|small|thumb|thumbnail|full|fullsize|original|orig|big|scaled|hires|lowres|retina|xxl|xl|lg|md|sm|xs)$/,
  /-e\d{10,13}$/, // WordPress's copy of an edited picture
];

/** Words that name no particular picture: `og-image`, `hero`, `img_2041` could be anything. */
const GENERIC_WORDS = new Set([
  'banner',
  'card',
  'cover',
  'default',
  'feature',
  'featured',
  'header',
  'hero',
  'image',
  'img',
  'index',
  'lead',
  'main',
  'master',
  'og',
  'opengraph',
  'photo',
  'pic',
  'picture',
  'placeholder',
  'poster',
  'preview',
  'share',
  'social',
  'thumbnail',
  'twitter',
]);

interface PictureKey {
  /** The path without sizes and formats, host left out: a CDN serves the site's own paths. */
  path: string;
  /** Whether the path ends in an image file (an address without one may be told apart by its query). */
  isImageFile: boolean;
  /** The file name without sizes and formats. */
  name: string;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

function isSizeSegment(segment: string): boolean {
  return SIZE_SEGMENT.some((pattern) => pattern.test(segment)) || segment.split(',').every((o) => OPTION.test(o));
}

function stripName(file: string): string {
  let name = file;
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(IMAGE_EXTENSION, '');
    for (const pattern of SIZE_SUFFIX) name = name.replace(pattern, '');
  }
  return name;
}

function pictureKey(src: string, base: string, depth = 0): PictureKey | null {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const segments = url.pathname.split('/').filter(Boolean).map(decode);
  const file = segments.at(-1) ?? '';
  if (!IMAGE_EXTENSION.test(file) && depth === 0) {
    // A resizer in front of the picture: `/_next/image?url=%2Fimg%2Fa.jpg&w=1200`.
    for (const param of NESTED_ADDRESS_PARAMS) {
      const nested = url.searchParams.get(param);
      const key = nested ? pictureKey(nested, url.href, depth + 1) : null;
      if (key?.isImageFile) return key;
    }
  }
  const kept = segments.filter((segment, i) => i === segments.length - 1 || !isSizeSegment(segment));
  const last = kept.pop() ?? '';
  const name = SCRIPT_EXTENSION.test(last) ? '' : stripName(last);
  return { path: [...kept, name].join('/'), isImageFile: IMAGE_EXTENSION.test(file), name };
}

/** Whether a name says which picture it is, rather than what role it plays (`og-image`, `3000`, `img_2041`). */
function isDistinctive(name: string): boolean {
  const words = name.split(/[-_.\s]+/);
  return name.length >= 5 && words.some((word) => word.length >= 3 && !/^\d+$/.test(word) && !GENERIC_WORDS.has(word));
}

/** Whether two image addresses show the same picture, in other sizes or formats. */
export function isSamePicture(a: string, b: string, base: string): boolean {
  const first = pictureKey(a, base);
  const second = pictureKey(b, base);
  if (!first || !second) return false;
  if (first.isImageFile && second.isImageFile && first.path === second.path) return true;
  return first.name === second.name && isDistinctive(first.name);
}

/** The body's first image and how much text comes before it, in document order. */
export function firstImageOf(root: Node): { src: string; textBefore: number } | null {
  let textBefore = 0;
  const visit = (node: Node): { src: string; textBefore: number } | null => {
    if (node.nodeType === 3) {
      textBefore += (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      return null;
    }
    if (node.nodeName === 'IMG') {
      const src = (node as Element).getAttribute('src') ?? '';
      if (src) return { src, textBefore };
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  return visit(root);
}

/**
 * Whether the lead image repeats the body: the same address anywhere in it, or the same picture as
 * the image that opens the article.
 */
export function isLeadInBody(lead: string, body: ParentNode & Node, base: string): boolean {
  const sources = Array.from(body.querySelectorAll('img[src]'), (img) => img.getAttribute('src'));
  if (sources.includes(lead)) return true;
  const first = firstImageOf(body);
  return first !== null && first.textBefore <= NEAR_START_CHARS && isSamePicture(lead, first.src, base);
}
