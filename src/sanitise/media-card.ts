/**
 * Embedded video and audio, one way everywhere (popup, side panel, reader, saved copy, exports):
 * a card with the title when the page gave one, the provider's name, and a link that opens the
 * video on the provider's own site. No third-party frame and no media element reaches an
 * extension page, so nothing is requested from the provider until the reader follows the link.
 *
 * The card is plain, allowlisted HTML (a link holding two spans of text), so it survives every
 * profile of the policy, storage and every export unchanged; made once, it is recognised by its
 * class:
 *
 *     <a class="media-card" href="https://www.youtube.com/watch?v=…"><span>Title</span> <small>YouTube</small></a>
 */

export const MEDIA_CARD_CLASS = 'media-card';

/** What the page embeds: where to watch it, who serves it, and its title when known. */
export interface MediaLink {
  url: string;
  provider: string;
  title: string | null;
}

interface Provider {
  name: string;
  host: RegExp;
  /** The provider's own page for an embed address; null when the address is not one it knows. */
  watchUrl(embed: URL): string | null;
}

const VIDEO_ID = /^[\w-]{4,}$/;

function youtube(embed: URL): string | null {
  const [kind, id] = embed.pathname.split('/').filter(Boolean);
  const list = embed.searchParams.get('list');
  if (kind !== 'embed' || !id) return null;
  if (id === 'videoseries') return list ? `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}` : null;
  if (!VIDEO_ID.test(id)) return null;
  const watch = new URL('https://www.youtube.com/watch');
  watch.searchParams.set('v', id);
  if (list) watch.searchParams.set('list', list);
  const start = embed.searchParams.get('start');
  if (start && /^\d+$/.test(start)) watch.searchParams.set('t', `${start}s`);
  return watch.href;
}

function vimeo(embed: URL): string | null {
  const match = /^\/video\/(\d+)\/?$/.exec(embed.pathname);
  if (!match) return null;
  const hash = embed.searchParams.get('h');
  return `https://vimeo.com/${match[1]}${hash && /^\w+$/.test(hash) ? `/${hash}` : ''}`;
}

function dailymotion(embed: URL): string | null {
  const id = /^\/embed\/video\/([\w-]+)/.exec(embed.pathname)?.[1] ?? embed.searchParams.get('video');
  return id && VIDEO_ID.test(id) ? `https://www.dailymotion.com/video/${id}` : null;
}

function twitch(embed: URL): string | null {
  const clip = embed.searchParams.get('clip');
  if (embed.hostname === 'clips.twitch.tv')
    return clip && VIDEO_ID.test(clip) ? `https://clips.twitch.tv/${clip}` : null;
  const video = embed.searchParams.get('video')?.replace(/^v/, '');
  if (video && /^\d+$/.test(video)) return `https://www.twitch.tv/videos/${video}`;
  const channel = embed.searchParams.get('channel');
  return channel && /^\w+$/.test(channel) ? `https://www.twitch.tv/${channel}` : null;
}

function archive(embed: URL): string | null {
  const id = /^\/embed\/([^/?#]+)/.exec(embed.pathname)?.[1];
  return id ? `https://archive.org/details/${id}` : null;
}

function wikimedia(embed: URL): string | null {
  return `${embed.origin}${embed.pathname}`;
}

function tencent(embed: URL): string | null {
  const vid = embed.searchParams.get('vid');
  return vid && /^\w+$/.test(vid) ? `https://v.qq.com/x/page/${vid}.html` : null;
}

/** The players a reader expects in an article (Readability keeps the same ones). */
const PROVIDERS: readonly Provider[] = [
  { name: 'YouTube', host: /^(?:www\.|m\.)?youtube(?:-nocookie)?\.com$/, watchUrl: youtube },
  { name: 'Vimeo', host: /^(?:player\.)?vimeo\.com$/, watchUrl: vimeo },
  { name: 'Dailymotion', host: /^(?:www\.|geo\.)?dailymotion\.com$/, watchUrl: dailymotion },
  { name: 'Twitch', host: /^(?:player|clips)\.twitch\.tv$/, watchUrl: twitch },
  { name: 'Internet Archive', host: /^archive\.org$/, watchUrl: archive },
  { name: 'Wikimedia Commons', host: /^(?:commons|upload)\.wikimedia\.org$/, watchUrl: wikimedia },
  { name: 'Tencent Video', host: /^v\.qq\.com$/, watchUrl: tencent },
];

/** Where a frame or media element keeps its address, lazy-loading attributes last. */
const SOURCE_ATTRIBUTES = ['src', 'data-src', 'data-lazy-src', 'data-url'];

/** Titles that name the player, not the video ("YouTube video player", "vimeo-player"). */
const GENERIC_TITLE =
  /^(?:(?:youtube|vimeo|dailymotion|twitch|embed(?:ded)?|video|audio|media|player|iframe|frame|content|clip)[\s_:-]*)+$/i;

const MAX_TITLE = 200;

function webUrl(value: string | null, baseUrl: string): URL | null {
  if (!value?.trim() || /^\s*about:/i.test(value)) return null;
  try {
    const url = new URL(value.trim(), baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function sourceOf(element: Element, baseUrl: string): URL | null {
  for (const name of SOURCE_ATTRIBUTES) {
    const url = webUrl(element.getAttribute(name), baseUrl);
    if (url) return url;
  }
  if (element.localName === 'iframe') return null;
  for (const source of Array.from(element.querySelectorAll('source'))) {
    const url = webUrl(source.getAttribute('src'), baseUrl);
    if (url) return url;
  }
  return null;
}

function titleOf(element: Element, provider: string): string | null {
  for (const name of ['title', 'aria-label']) {
    const title = element.getAttribute(name)?.replace(/\s+/g, ' ').trim() ?? '';
    if (title && !GENERIC_TITLE.test(title) && title.toLowerCase() !== provider.toLowerCase()) {
      return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
    }
  }
  return null;
}

/**
 * What an iframe, video or audio element shows, as a link: a known player's frame opens on the
 * provider's page (its embed address when the page is not one we can name), a media file opens
 * as itself. Null for anything else (a frame from any other site, a script-fed player).
 */
export function mediaLinkOf(element: Element, baseUrl: string): MediaLink | null {
  const source = sourceOf(element, baseUrl);
  if (!source) return null;
  const host = source.hostname.toLowerCase();
  const provider = PROVIDERS.find((p) => p.host.test(host));
  if (element.localName === 'iframe') {
    if (!provider) return null;
    // Every provider serves its pages over https, old http embed codes included.
    source.protocol = 'https:';
    const url = provider.watchUrl(source) ?? source.href;
    return { url, provider: provider.name, title: titleOf(element, provider.name) };
  }
  const name = provider?.name ?? host.replace(/^www\./, '');
  return { url: source.href, provider: name, title: titleOf(element, name) };
}

/** The card for `link`, made in `doc`. */
export function createMediaCard(doc: Document, link: MediaLink): HTMLAnchorElement {
  const card = doc.createElement('a');
  card.className = MEDIA_CARD_CLASS;
  card.setAttribute('href', link.url);
  if (link.title) {
    const title = doc.createElement('span');
    title.textContent = link.title;
    card.append(title, ' ');
  }
  const provider = doc.createElement('small');
  provider.textContent = link.provider;
  card.append(provider);
  return card;
}

const MEDIA = 'iframe, video, audio';

/**
 * Replaces every frame, video and audio element under `root` with its card, or removes it when it
 * has none. One inside a link is removed (a card is a link, and links do not nest).
 */
export function replaceMediaWithCards(root: Element, baseUrl: string): void {
  const doc = root.ownerDocument;
  for (const element of Array.from(root.querySelectorAll(MEDIA))) {
    // Inside one replaced already (a fallback <audio> in a <video>).
    if (!root.contains(element)) continue;
    const link = element.parentElement?.closest('a') ? null : mediaLinkOf(element, baseUrl);
    if (link) element.replaceWith(createMediaCard(doc, link));
    else element.remove();
  }
}
