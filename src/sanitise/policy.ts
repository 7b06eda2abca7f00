/**
 * The one sanitising policy. Article HTML is untrusted wherever it comes from (a page, a fetched
 * link, an import file, a message from a content script that ran in a page): every path cleans it
 * here, with one allowlist and one decision for embedded media (a card with a link, never a frame
 * or a player: media-card.ts), in one of three named profiles that differ only where their use
 * needs it:
 *
 * - `extracted`: the engine's output, cleaned in place on its inert copy. Ids are prefixed
 *   `user-content-`, so that none can clobber a global of a page that shows it.
 * - `stored`: what the library stores and exports (a saved page, a fetched link, an import file),
 *   with the lazy-loading attributes `prepareArticleHtml` turns into one `src`.
 * - `render`: what an extension page shows: one `src` per picture, resolved by the page against
 *   the article's address, so no `srcset` or `<source>`; and `data:` SVG pictures (stored pictures
 *   are `data:` URLs, and an SVG in an `<img>` is a static picture: it runs and loads nothing).
 *
 * Never: scripts, styles, event handlers, forms, frames, objects, embeds, inline SVG, audio or
 * video elements, `javascript:` or `data:` links; `data:` only as a picture's source. DOMPurify
 * runs on the window passed in, never a global, so the same code serves the content script,
 * extension pages, the offscreen document and Node.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { MATHML_ATTRIBUTES, MATHML_TAGS } from './mathml-allowlist';
import { MEDIA_CARD_CLASS, replaceMediaWithCards } from './media-card';
import { TEXT_TAGS } from './text-allowlist';

export const SANITISE_PROFILES = ['extracted', 'stored', 'render'] as const;
export type SanitiseProfile = (typeof SANITISE_PROFILES)[number];

/** A window whose DOM DOMPurify runs in (and whose parser reads HTML strings). */
export type SanitiserWindow = WindowLike;

export interface SanitiseOptions {
  window: SanitiserWindow;
  profile: SanitiseProfile;
  /** The article's address: frames and media given by relative or lazy-loading addresses are read against it. */
  baseUrl?: string;
}

/** The one allowlist: text structure, pictures and maths. */
export const ALLOWED_TAGS: readonly string[] = [...TEXT_TAGS, 'img', 'picture', 'source', ...MATHML_TAGS];

export const ALLOWED_ATTRIBUTES: readonly string[] = [
  'abbr',
  'alt',
  'cite',
  // Only the media card's (`class="media-card"` on a link); every other class is dropped.
  'class',
  'colspan',
  'datetime',
  'dir',
  'headers',
  'height',
  'href',
  'id',
  'lang',
  'open',
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

/** Removed with everything inside: code, controls, or the fallback of a player that is gone. */
const FORBIDDEN_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'select',
  'textarea',
  'button',
  'svg',
  'object',
  'embed',
  'iframe',
  'video',
  'audio',
];

/** Links: http(s), mail, phone, in-page and relative addresses; no other scheme (javascript:, data:, …). */
const ALLOWED_URI = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i;
const ANY_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|svg\+xml)[;,]/i;

interface Profile {
  /** Tags and attributes of the allowlist this profile leaves out. */
  withoutTags?: readonly string[];
  withoutAttributes?: readonly string[];
  /** Attributes this profile keeps beyond the allowlist. */
  extraAttributes?: readonly string[];
  /** The `data:` URLs a picture's `src` may be. */
  dataImage: RegExp;
  prefixIds: boolean;
}

const PROFILES: Record<SanitiseProfile, Profile> = {
  extracted: { dataImage: RASTER_DATA_IMAGE, prefixIds: true },
  stored: {
    extraAttributes: ['data-src', 'data-lazy-src', 'data-original', 'data-srcset'],
    dataImage: RASTER_DATA_IMAGE,
    prefixIds: false,
  },
  render: {
    withoutTags: ['source'],
    withoutAttributes: ['srcset', 'sizes'],
    dataImage: ANY_DATA_IMAGE,
    prefixIds: false,
  },
};

function tagsOf(profile: Profile): string[] {
  return ALLOWED_TAGS.filter((tag) => !profile.withoutTags?.includes(tag));
}

function attributesOf(profile: Profile): string[] {
  return [
    ...ALLOWED_ATTRIBUTES.filter((name) => !profile.withoutAttributes?.includes(name)),
    ...(profile.extraAttributes ?? []),
  ];
}

function isMediaCardClass(element: Element, value: string): boolean {
  return element.localName === 'a' && value.trim() === MEDIA_CARD_CLASS;
}

function createPurifier(win: SanitiserWindow, profile: Profile): DOMPurify {
  const purify = createDOMPurify(win);
  if (!purify.isSupported) {
    throw new Error('This DOM cannot run the sanitiser (DOMPurify); refusing to return unsanitised HTML.');
  }
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'class' && !isMediaCardClass(node as Element, data.attrValue)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.localName;
    if (tag === 'a' && element.hasAttribute('href')) element.setAttribute('rel', 'noopener noreferrer');
    // data: URLs only as a picture's source, of the profile's types; never a link or anything else.
    for (const attribute of ['href', 'src'] as const) {
      const value = element.getAttribute(attribute)?.trim();
      if (value && /^data:/i.test(value) && !(tag === 'img' && attribute === 'src' && profile.dataImage.test(value))) {
        element.removeAttribute(attribute);
      }
    }
  });
  const config: Config = {
    ALLOWED_TAGS: tagsOf(profile),
    ALLOWED_ATTR: attributesOf(profile),
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ADD_FORBID_CONTENTS: FORBIDDEN_CONTENTS,
    KEEP_CONTENT: true,
    SANITIZE_DOM: true,
    SANITIZE_NAMED_PROPS: profile.prefixIds,
    // Not IN_PLACE: since DOMPurify 3.4 that mode walks the tree four more times (to catch what
    // hooks move), which costs more than cloning the tree natively into its own inert document.
    RETURN_DOM: true,
  };
  // Parsing a configuration on every call costs more than sanitising a short article.
  purify.setConfig(config);
  return purify;
}

/**
 * Per window, a purifier per profile, each configured once and only when first needed: setting
 * one up costs a few milliseconds on a page that has just loaded.
 */
const purifiers = new WeakMap<object, Map<SanitiseProfile, DOMPurify>>();

function purifierFor(win: SanitiserWindow, name: SanitiseProfile): DOMPurify {
  let byProfile = purifiers.get(win);
  if (!byProfile) purifiers.set(win, (byProfile = new Map()));
  let purify = byProfile.get(name);
  if (!purify) byProfile.set(name, (purify = createPurifier(win, PROFILES[name])));
  return purify;
}

const allowedAttributes = new Map(
  Object.entries(PROFILES).map(([name, profile]) => [name as SanitiseProfile, new Set(attributesOf(profile))]),
);

/**
 * Drops attributes outside the profile's list before DOMPurify sees them: an article fresh from
 * Readability still has every class and data attribute of the page, and DOMPurify's per-attribute
 * checks cost more than the rest of its work. DOMPurify still checks everything that remains.
 */
function dropUnlistedAttributes(root: Element, allowed: ReadonlySet<string>): void {
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (!element.hasAttributes()) continue;
    for (const name of element.getAttributeNames()) {
      const isAllowed =
        name === 'class' ? isMediaCardClass(element, element.getAttribute(name) ?? '') : allowed.has(name);
      if (!isAllowed) element.removeAttribute(name);
    }
  }
}

/**
 * Cleans `root`'s content (root itself is kept, its attributes cleaned). DOMPurify cleans a copy
 * in an inert document of its own; the clean nodes then replace root's.
 */
export function sanitiseElement(
  root: Element,
  { window: win, profile, baseUrl = 'about:blank' }: SanitiseOptions,
): void {
  const purify = purifierFor(win, profile);
  replaceMediaWithCards(root, baseUrl);
  dropUnlistedAttributes(root, allowedAttributes.get(profile) ?? new Set());
  // RETURN_DOM (in the configuration set once): the body of the document DOMPurify cleaned a copy in.
  const body = purify.sanitize(root) as unknown as Element;
  // Root's own tag is allowed (the callers' roots are divs and sections): it comes back as the
  // body's one child, its attributes cleaned. Were it removed, its cleaned content stands alone.
  const only = body.firstChild;
  const clean = only && body.childNodes.length === 1 && only.nodeName === root.nodeName ? (only as Element) : body;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  if (clean !== body) for (const { name, value } of Array.from(clean.attributes)) root.setAttribute(name, value);
  root.replaceChildren(...Array.from(clean.childNodes));
}

/** `html` parsed in a new inert document (nothing in it loads or runs) and cleaned, in a `<div>`. */
function sanitisedHolder(html: string, options: SanitiseOptions): Element {
  // Refused before parsing, on a DOM the sanitiser cannot run in.
  purifierFor(options.window, options.profile);
  const doc = new options.window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const holder = doc.createElement('div');
  holder.append(...Array.from(doc.body.childNodes));
  sanitiseElement(holder, options);
  return holder;
}

export function sanitiseHtml(html: string, options: SanitiseOptions): string {
  return sanitisedHolder(html, options).innerHTML;
}

/** The cleaned nodes, in a fragment of an inert document: inserted into a page, they are adopted. */
export function sanitiseFragment(html: string, options: SanitiseOptions): DocumentFragment {
  const holder = sanitisedHolder(html, options);
  const fragment = holder.ownerDocument.createDocumentFragment();
  fragment.append(...Array.from(holder.childNodes));
  return fragment;
}
