// @vitest-environment jsdom
/**
 * The sanitiser against a list of XSS payloads (after the OWASP filter evasion cheat sheet and
 * DOMPurify's own test vectors): nothing that runs, loads a frame, restyles the reader or
 * navigates may survive.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { sanitiseHtml, sanitiseInPlace } from '../../../src/extract/sanitise';

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

const FORBIDDEN_TAGS =
  'script, style, link, meta, base, object, embed, form, input, button, textarea, select, svg, template, noscript, frame, frameset';

function check(html: string): void {
  const holder = document.createElement('div');
  holder.innerHTML = html;
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
        expect(value, `${html}: ${attribute.name}`).not.toMatch(/^(javascript|vbscript|data):/);
      }
    }
    if (element.tagName === 'IFRAME')
      expect(element.getAttribute('src') ?? '').toMatch(/^https:\/\/(www\.)?youtube\.com\/embed\//);
    if (element.id) expect(element.id.startsWith('user-content-'), 'ids cannot clobber globals').toBe(true);
  }
}

describe('sanitiseHtml', () => {
  for (const payload of PAYLOADS) {
    it(`neutralises ${payload}`, () => check(sanitiseHtml(payload, window)));
  }

  it('keeps article structure, links, images, tables, code and maths', () => {
    const html =
      '<h2>T</h2><p>A <a href="https://x.example/">link</a> and <em>emphasis</em>.</p><figure><img src="https://x.example/i.jpg" alt="i"><figcaption>c</figcaption></figure>' +
      '<table><tr><th>h</th></tr><tr><td>d</td></tr></table><pre><code>x = 1</code></pre><math><mi>x</mi></math><blockquote>q</blockquote>';
    const clean = sanitiseHtml(html, window);
    expect(clean).toContain('<a href="https://x.example/" rel="noopener noreferrer">link</a>');
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
      expect(clean).toContain(tag);
    }
    expect(sanitiseHtml('<iframe src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>', window)).toContain(
      '<iframe src="https://www.youtube.com/embed/abc"',
    );
  });

  it('sanitises an element in place', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p onclick="x()">hi<script>x()</script></p>';
    sanitiseInPlace(root, window);
    expect(root.innerHTML).toBe('<p>hi</p>');
  });

  it('refuses a DOM that DOMPurify cannot run in rather than returning unsanitised HTML', () => {
    const { window: unsupported } = parseHTML('<html><body></body></html>');
    expect(() => sanitiseHtml('<img src=x onerror=alert(1)>', unsupported as never)).toThrow(/sanitiser/);
  });
});
