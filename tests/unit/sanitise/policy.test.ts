// @vitest-environment jsdom
/**
 * The one sanitising policy, in each of its profiles, against a list of XSS payloads (after the
 * OWASP filter evasion cheat sheet and DOMPurify's own test vectors) and a hostile article:
 * nothing that runs, loads a frame or a player, restyles the reader or navigates may survive, and
 * every embedded player becomes the same card.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { MEDIA_CARD_CLASS } from '../../../src/sanitise/media-card';
import {
  ALLOWED_TAGS,
  SANITISE_PROFILES,
  sanitiseElement,
  sanitiseFragment,
  sanitiseHtml,
  type SanitiseProfile,
} from '../../../src/sanitise/policy';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=`javascript:alert(1)`>',
  '<img """><script>alert(1)</script>">',
  '<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="position:fixed;inset:0;z-index:2147483647">overlay</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<div id="location">clobber</div><form name="cookie"></form>',
  '<a href="https://ok.example/" target="_blank">ok</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<p>Text</p><img src="https://img.example/ok.jpg" alt="ok">',
];

const BASE = 'https://news.example/2025/harbour.html';

/** An article with everything a page may throw at the reader, and the players it embeds. */
const HOSTILE = `
  <p onclick="alert('click')" style="position:fixed">The council voted nine to four.<img src=x onerror="alert('img')"></p>
  <svg onload="alert('svg')"><script>alert('svg script')</script><g><circle r="1"/></g><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>
  <figure><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=42" title="Harbour plan explained" allowfullscreen></iframe><figcaption>The plan, in three minutes.</figcaption></figure>
  <iframe src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE" title="YouTube video player"></iframe>
  <iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="vimeo-player"></iframe>
  <iframe src="https://www.dailymotion.com/embed/video/x8abcd1" title="Ferry terminal: the new design"></iframe>
  <iframe src="https://player.twitch.tv/?video=v123456789&amp;parent=news.example"></iframe>
  <iframe src="about:blank" data-src="https://www.youtube.com/embed/lazyID123"></iframe>
  <iframe src="https://evil.example/frame.html" title="Harmless"></iframe>
  <iframe src="https://evil.example/youtube.com/embed/x"></iframe>
  <iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
  <iframe src="javascript:alert('frame')"></iframe>
  <video src="https://cdn.news.example/flood.mp4" poster="https://evil.example/poster.jpg" title="Flood footage" autoplay>Your browser cannot play this.</video>
  <video src="blob:https://news.example/123" autoplay></video>
  <audio><source src="https://cdn.news.example/interview.mp3"><source src="https://evil.example/b.ogg"></audio>
  <a href="https://news.example/watch"><iframe src="https://www.youtube.com/embed/nested123"></iframe>Watch</a>
  <p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a> <a href="javascript:alert(1)">js</a></p>
  <object data="https://evil.example/obj"></object><embed src="https://evil.example/embed">
  <form action="https://evil.example/f"><input autofocus onfocus="alert('focus')"><button>Go</button></form>
`;

/** The cards every profile makes of it, in order. */
const HOSTILE_CARDS = [
  { href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', text: 'Harbour plan explained YouTube' },
  { href: 'https://www.youtube.com/watch?v=M7lc1UVf-VE', text: 'YouTube' },
  { href: 'https://vimeo.com/76979871/8272103f6e', text: 'Vimeo' },
  { href: 'https://www.dailymotion.com/video/x8abcd1', text: 'Ferry terminal: the new design Dailymotion' },
  { href: 'https://www.twitch.tv/videos/123456789', text: 'Twitch' },
  { href: 'https://www.youtube.com/watch?v=lazyID123', text: 'YouTube' },
  { href: 'https://cdn.news.example/flood.mp4', text: 'Flood footage cdn.news.example' },
  { href: 'https://cdn.news.example/interview.mp3', text: 'cdn.news.example' },
];

const FORBIDDEN_TAGS =
  'script, style, link, meta, base, object, embed, form, input, button, textarea, select, svg, template, noscript, frame, frameset, iframe, video, audio, track';

function parse(html: string): HTMLDivElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

function check(html: string, profile: SanitiseProfile): void {
  const holder = parse(html);
  expect(holder.querySelector(FORBIDDEN_TAGS), html).toBeNull();
  for (const element of Array.from(holder.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name, `${html}: ${attribute.name}`).not.toMatch(
        /^on|^style$|^srcdoc$|^formaction$|^background$|:href$/,
      );
      if (/^(href|src|action|data|poster|cite)$/.test(attribute.name)) {
        // Browsers ignore whitespace and control characters inside a scheme.
        // eslint-disable-next-line no-control-regex
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        // A picture may be a data: image (extension pages show stored SVG pictures in an <img>).
        const isPicture = element.tagName === 'IMG' && attribute.name === 'src';
        const images = profile === 'render' ? /^data:image\/(png|gif|jpe?g|webp|avif|svg\+xml)[;,]/ : /^$/;
        if (!(isPicture && images.test(value)))
          expect(value, `${html}: ${attribute.name}`).not.toMatch(/^(javascript|vbscript|data):/);
      }
    }
    if (element.hasAttribute('class')) {
      expect(`${element.tagName}.${element.getAttribute('class')}`).toBe(`A.${MEDIA_CARD_CLASS}`);
    }
    if (profile === 'extracted' && element.id) {
      expect(element.id.startsWith('user-content-'), 'ids cannot clobber globals').toBe(true);
    }
  }
}

describe('the one allowlist', () => {
  it('has no frames, players, objects or inline SVG in it', () => {
    for (const tag of ['iframe', 'frame', 'video', 'audio', 'track', 'embed', 'object', 'svg', 'script', 'style']) {
      expect(ALLOWED_TAGS).not.toContain(tag);
    }
  });
});

for (const profile of SANITISE_PROFILES) {
  describe(`the ${profile} profile`, () => {
    const clean = (html: string): string => sanitiseHtml(html, { window, profile, baseUrl: BASE });

    for (const payload of PAYLOADS) {
      it(`neutralises ${payload}`, () => check(clean(payload), profile));
    }

    it('keeps article structure, links, images, tables, code and maths', () => {
      const html =
        '<h2>T</h2><p>A <a href="https://x.example/">link</a> and <em>emphasis</em>.</p><figure><img src="https://x.example/i.jpg" alt="i"><figcaption>c</figcaption></figure>' +
        '<table><tr><th>h</th></tr><tr><td>d</td></tr></table><pre><code>x = 1</code></pre><math><mi>x</mi></math><blockquote>q</blockquote>';
      const result = clean(html);
      expect(result).toContain('<a href="https://x.example/" rel="noopener noreferrer">link</a>');
      for (const tag of [
        '<h2>',
        '<figure>',
        '<figcaption>',
        '<table>',
        '<th>',
        '<pre><code>',
        '<math>',
        '<blockquote>',
        '<em>',
      ]) {
        expect(result).toContain(tag);
      }
    });

    it('on a hostile article: nothing active, players as cards, other frames gone', () => {
      const result = clean(HOSTILE);
      check(result, profile);
      const holder = parse(result);
      const cards = Array.from(holder.querySelectorAll(`a.${MEDIA_CARD_CLASS}`)).map((card) => ({
        href: card.getAttribute('href'),
        text: card.textContent,
      }));
      expect(cards).toEqual(HOSTILE_CARDS);
      expect(holder.textContent).toContain('The council voted nine to four.');
      expect(holder.querySelector('a[href^="data:"], [onclick], [onerror], circle, g')).toBeNull();
      expect(result).not.toMatch(/evil\.example|alert/);
    });
  });
}

describe('what the profiles do differently', () => {
  const LAZY =
    '<img src="https://x.example/small.jpg" srcset="https://x.example/big.jpg 2x" data-src="https://x.example/real.jpg">';
  const SVG_PICTURE = '<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" alt="chart">';
  const clean = (html: string, profile: SanitiseProfile): string => sanitiseHtml(html, { window, profile });

  it('stored keeps the lazy-loading address that saving turns into the picture', () => {
    expect(clean(LAZY, 'stored')).toContain('data-src="https://x.example/real.jpg"');
    expect(clean(LAZY, 'extracted')).not.toContain('data-src');
    expect(clean(LAZY, 'render')).not.toContain('data-src');
  });

  it('render keeps one src per picture: no srcset, no <source>', () => {
    const picture = `<picture><source srcset="https://x.example/a.webp">${LAZY}</picture>`;
    expect(clean(picture, 'render')).toBe('<picture><img src="https://x.example/small.jpg"></picture>');
    expect(clean(picture, 'extracted')).toContain('<source srcset="https://x.example/a.webp">');
    expect(clean(picture, 'stored')).toContain('srcset="https://x.example/big.jpg 2x"');
  });

  it('render shows stored SVG pictures; the others keep only raster data: pictures', () => {
    expect(clean(SVG_PICTURE, 'render')).toContain('src="data:image/svg+xml,');
    for (const profile of ['extracted', 'stored'] as const) expect(clean(SVG_PICTURE, profile)).not.toContain('src=');
    for (const profile of SANITISE_PROFILES) {
      expect(clean('<img src="data:image/png;base64,AAAA">', profile)).toContain('src="data:image/png;base64,AAAA"');
    }
  });

  it('extracted prefixes ids so that none can clobber a global', () => {
    expect(clean('<p id="location">x</p>', 'extracted')).toBe('<p id="user-content-location">x</p>');
    expect(clean('<p id="fn1">x</p>', 'stored')).toBe('<p id="fn1">x</p>');
  });
});

describe('sanitising in place and as a fragment', () => {
  it('sanitises an element in place', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p onclick="x()">hi<script>x()</script></p><iframe src="https://player.vimeo.com/video/76979871"></iframe>';
    sanitiseElement(root, { window, profile: 'extracted' });
    expect(root.innerHTML).toBe(
      '<p>hi</p><a class="media-card" href="https://vimeo.com/76979871" rel="noopener noreferrer"><small>Vimeo</small></a>',
    );
  });

  it('keeps the element itself, its attributes cleaned, and its content in its own document', () => {
    const root = document.createElement('section');
    root.setAttribute('id', 'name');
    root.setAttribute('onclick', 'x()');
    root.setAttribute('style', 'color:red');
    root.setAttribute('lang', 'de');
    root.innerHTML = '<p>one</p><form><p>two</p></form>';
    sanitiseElement(root, { window, profile: 'extracted' });
    expect(root.getAttributeNames().sort()).toEqual(['id', 'lang']);
    expect(root.id).toBe('user-content-name');
    expect(root.innerHTML).toBe('<p>one</p><p>two</p>');
    expect(root.firstChild?.ownerDocument).toBe(document);
  });

  it('returns a fragment of an inert document, nothing of it connected to the page', () => {
    const fragment = sanitiseFragment('<p>One</p><img src="https://x.example/i.jpg">', {
      window,
      profile: 'render',
    });
    expect(fragment.ownerDocument).not.toBe(document);
    expect(fragment.ownerDocument.defaultView).toBeNull();
    expect(Array.from(fragment.childNodes).map((n) => n.nodeName)).toEqual(['P', 'IMG']);
  });

  it('refuses a DOM that DOMPurify cannot run in rather than returning unsanitised HTML', () => {
    const { window: unsupported } = parseHTML('<html><body></body></html>');
    for (const profile of SANITISE_PROFILES) {
      expect(() => sanitiseHtml('<img src=x onerror=alert(1)>', { window: unsupported as never, profile })).toThrow(
        /sanitiser/,
      );
    }
  });
});
