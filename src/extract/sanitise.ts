/**
 * The article's HTML is untrusted: DOMPurify with an allowlist (text structure, links, media,
 * tables, code and maths), applied to the copy in place. No scripts, event handlers, styles,
 * forms, `javascript:` or `data:` links, and iframes only for known video players.
 * DOMPurify needs a window: the page's own (`doc.defaultView`) or one passed in, never a global.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { MATHML_ATTRIBUTES, MATHML_TAGS } from './mathml-allowlist';
import { TEXT_TAGS } from './text-allowlist';

const MEDIA_TAGS = ['audio', 'iframe', 'img', 'picture', 'source', 'track', 'video'];
const ATTRIBUTES = [
  'abbr',
  'align',
  'allowfullscreen',
  'alt',
  'cite',
  'colspan',
  'controls',
  'datetime',
  'dir',
  'headers',
  'height',
  'href',
  'id',
  'lang',
  'open',
  'poster',
  'reversed',
  'rowspan',
  'scope',
  'sizes',
  'span',
  'src',
  'srcset',
  'start',
  'title',
  'type',
  'value',
  'width',
  ...MATHML_ATTRIBUTES,
];

/** Players a reader expects to see in an article (Readability's list). */
export const ALLOWED_VIDEO =
  /^https:\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)\//i;

/** http(s), mail and phone links, and in-page anchors; nothing else (no javascript:, data:, …). */
const ALLOWED_URI = /^(?:https?:|mailto:|tel:|#)/i;

const CONFIG: Config = {
  ALLOWED_TAGS: [...TEXT_TAGS, ...MEDIA_TAGS, ...MATHML_TAGS],
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_DATA_URI_TAGS: [],
  FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'select', 'textarea', 'button', 'svg', 'object'],
  KEEP_CONTENT: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
};

/**
 * Per window, a purifier for strings and one for in-place work, each configured once and only when
 * first needed: setting one up costs a few milliseconds on a page that has just loaded.
 */
const purifiers = { text: new WeakMap<object, DOMPurify>(), inPlace: new WeakMap<object, DOMPurify>() };

function purifierFor(win: WindowLike, kind: 'text' | 'inPlace'): DOMPurify {
  let purify = purifiers[kind].get(win);
  if (!purify) {
    purify = createPurifier(win, kind === 'inPlace' ? { ...CONFIG, IN_PLACE: true } : CONFIG);
    purifiers[kind].set(win, purify);
  }
  return purify;
}

function createPurifier(win: WindowLike, config: Config): DOMPurify {
  const purify = createDOMPurify(win);
  if (!purify.isSupported) {
    throw new Error('This DOM cannot run the sanitiser (DOMPurify); refusing to return unsanitised HTML.');
  }
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'iframe' && !ALLOWED_VIDEO.test((node as Element).getAttribute('src') ?? '')) {
      (node as Element).remove();
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.tagName?.toLowerCase();
    if (tag === 'a' && element.hasAttribute('href')) element.setAttribute('rel', 'noopener noreferrer');
    if (tag === 'iframe') {
      element.setAttribute('loading', 'lazy');
      element.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    }
    // data: URIs only for images (inline pictures), never for links or frames.
    for (const attribute of ['href', 'src'] as const) {
      const value = element.getAttribute(attribute);
      if (
        value &&
        /^\s*data:/i.test(value) &&
        !(tag === 'img' && /^\s*data:image\/(png|gif|jpe?g|webp|avif);/i.test(value))
      ) {
        element.removeAttribute(attribute);
      }
    }
  });
  // Parsing a configuration on every call costs more than sanitising a short article.
  purify.setConfig(config);
  return purify;
}

const ALLOWED_ATTRIBUTES = new Set(ATTRIBUTES);

/**
 * Drops attributes outside the allowlist before DOMPurify sees them: an article fresh from
 * Readability still has every class and data attribute of the page, and DOMPurify's per-attribute
 * checks cost more than the rest of its work. DOMPurify still checks everything that remains.
 */
function dropUnlistedAttributes(root: Element): void {
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (!element.hasAttributes()) continue;
    for (const name of element.getAttributeNames()) if (!ALLOWED_ATTRIBUTES.has(name)) element.removeAttribute(name);
  }
}

/** Sanitises `root`'s content in place (root itself is kept, its attributes cleaned). */
export function sanitiseInPlace(root: Element, win: WindowLike): void {
  dropUnlistedAttributes(root);
  purifierFor(win, 'inPlace').sanitize(root);
}

export function sanitiseHtml(html: string, win: WindowLike): string {
  return purifierFor(win, 'text').sanitize(html);
}
