// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitiseArticle, safeWebUrl } from '../../../src/ui/article/sanitize-article';

const BASE = 'https://news.example/2024/story.html';
const LABELS = { table: 'Scrollable table' };

function clean(html: string) {
  const result = sanitiseArticle(html, BASE, LABELS);
  const div = document.createElement('div');
  div.append(result.fragment);
  return { ...result, div, html: div.innerHTML };
}

describe('sanitiseArticle', () => {
  it('removes scripts, styles, frames, forms, embeds, meta refreshes and event handlers', () => {
    const { div, html } = clean(`
      <p onclick="alert(1)" style="background:url(https://evil.example/x)">Text<script>alert(1)</script></p>
      <img src="x.png" onerror="alert(2)">
      <iframe src="https://evil.example/frame"></iframe><iframe srcdoc="<script>alert(3)</script>"></iframe>
      <object data="https://evil.example/obj"></object><embed src="https://evil.example/embed">
      <form action="https://evil.example/form"><input name="q"><button formaction="https://evil.example/b">Go</button></form>
      <meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
      <link rel="stylesheet" href="https://evil.example/style.css"><style>@import url(https://evil.example/i.css)</style>
      <base href="https://evil.example/"><svg><script>alert(4)</script><image href="https://evil.example/svg"/></svg>
      <math><mi xlink:href="javascript:alert(5)">x</mi></math>
      <a href="javascript:alert(6)">js</a><a href="  JaVaScRiPt:alert(7)">js2</a><a href="data:text/html,<script>alert(8)</script>">data</a>
      <div data-x="1" class="c" aria-hidden="true">kept text</div>
      <video src="https://evil.example/v" autoplay></video><audio src="https://evil.example/a"></audio>
    `);
    // Video and audio are cards with a link to open them (src/sanitise/media-card.ts): their
    // address is a link's, and nothing on the page loads it.
    const cards = [...div.querySelectorAll('a.media-card')];
    expect(cards.map((card) => card.getAttribute('href'))).toEqual([
      'https://evil.example/v',
      'https://evil.example/a',
    ]);
    cards.forEach((card) => card.remove());
    const rest = div.innerHTML;
    expect(rest).not.toMatch(
      /script|onerror|onclick|iframe|object|embed|form|input|meta|link|style|base|svg|xlink|video|audio/i,
    );
    expect(rest).not.toMatch(/javascript:|evil\.example|data:text/i);
    expect(html).not.toMatch(/<(video|audio|iframe)|javascript:|data:text|src="https:\/\/evil/i);
    expect(div.textContent).toContain('Text');
    expect(div.textContent).toContain('kept text');
    expect(div.querySelector('[class], [data-x], [aria-hidden]')).toBeNull();
    // A link whose address was taken away is text, not a link to the article.
    expect([...div.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['js', 'js2', 'data']);
    expect(div.querySelector('a[href]')).toBeNull();
  });

  it('shows an embedded player as a card: its title, its provider and a link that opens it on its site', () => {
    const { div } = clean(
      '<p>Watch the debate:</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="The harbour debate"></iframe>' +
        '<iframe src="https://player.vimeo.com/video/76979871"></iframe><iframe src="https://tracker.example/frame"></iframe>',
    );
    const cards = [...div.querySelectorAll('a.media-card')].map((card) => ({
      href: card.getAttribute('href'),
      title: card.querySelector('span')?.textContent ?? null,
      provider: card.querySelector('small')?.textContent,
      target: card.getAttribute('target'),
      rel: card.getAttribute('rel'),
    }));
    const link = { target: '_blank', rel: 'noopener noreferrer' };
    expect(cards).toEqual([
      {
        href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        title: 'The harbour debate',
        provider: 'YouTube',
        ...link,
      },
      { href: 'https://vimeo.com/76979871', title: null, provider: 'Vimeo', ...link },
    ]);
    expect(div.querySelector('iframe, video, audio, img')).toBeNull();
    expect(div.innerHTML).not.toContain('tracker.example');
  });

  it('makes links absolute, opens them in a new tab without referrer, and keeps in-article anchors', () => {
    const { div } = clean(
      '<p><a href="/other">rel</a> <a href="#fn1">note</a> <a href="mailto:a@b.c">mail</a></p><p id="fn1">1</p>',
    );
    const [rel, note, mail] = [...div.querySelectorAll('a')];
    expect(rel?.getAttribute('href')).toBe('https://news.example/other');
    expect(rel?.getAttribute('target')).toBe('_blank');
    expect(rel?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(note?.getAttribute('href')).toBe('#article-fn1');
    expect(div.querySelector('#article-fn1')).not.toBeNull();
    expect(mail?.getAttribute('href')).toBe('mailto:a@b.c');
  });

  it('keeps images with absolute http(s) or image data sources, lazily and without referrer', () => {
    const { div, imageSources } = clean(
      '<img src="pic.jpg" alt="A"><img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml,<svg onload=alert(1)>"><img src="file:///etc/passwd"><img src="data:text/html,x">',
    );
    const imgs = [...div.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([
      'https://news.example/2024/pic.jpg',
      'data:image/png;base64,AAAA',
      'data:image/svg+xml,<svg onload=alert(1)>',
    ]);
    // Only as an <img> (where SVG is a static picture): an SVG document in a link stays out.
    const link = clean('<a href="data:image/svg+xml,<svg onload=alert(1)>">x</a>').div.querySelector('a');
    expect(link?.hasAttribute('href')).toBe(false);
    expect(imgs[0]?.getAttribute('loading')).toBe('lazy');
    expect(imgs[0]?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(imgs[1]?.getAttribute('alt')).toBe('');
    expect(imageSources.has('https://news.example/2024/pic.jpg')).toBe(true);
  });

  it('keeps maths as MathML, with its structure and without anything active in it', () => {
    const { div } = clean(
      '<math display="block"><mfrac><mi>a</mi><mi href="javascript:alert(1)" onclick="alert(2)">b</mi></mfrac></math>',
    );
    const math = div.querySelector('math');
    expect(math?.getAttribute('display')).toBe('block');
    expect(math?.querySelectorAll('mfrac > mi')).toHaveLength(2);
    expect(div.innerHTML).not.toMatch(/javascript:|onclick/i);
  });

  it('keeps every text tag the engine keeps: ruby readings stay annotations, not run-in text', () => {
    const { div } = clean(
      '<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby> and <data value="7">seven</data></p>',
    );
    expect(div.querySelector('ruby > rt')?.textContent).toBe('かんじ');
    expect(div.querySelectorAll('ruby > rp')).toHaveLength(2);
    expect(div.querySelector('data')?.textContent).toBe('seven');
  });

  it('wraps tables in a focusable scrolling region and makes code blocks focusable', () => {
    const { div } = clean('<table><tr><td>1</td></tr></table><pre><code>x = 1</code></pre>');
    const region = div.querySelector('.scroll-x');
    expect(region?.getAttribute('role')).toBe('region');
    expect(region?.getAttribute('aria-label')).toBe('Scrollable table');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.querySelector('table')).not.toBeNull();
    expect(div.querySelector('pre')?.getAttribute('tabindex')).toBe('0');
  });

  it('builds the outline from the headings, giving each an id', () => {
    const { outline, div } = clean('<h2>One</h2><p>a</p><h3 id="two">Two</h3><h2>  </h2><h4>Three</h4>');
    expect(outline.map((e) => [e.text, e.level])).toEqual([
      ['One', 2],
      ['Two', 3],
      ['Three', 4],
    ]);
    expect(outline[1]?.id).toBe('article-two');
    for (const entry of outline) expect(div.querySelector(`#${entry.id}`)?.getAttribute('tabindex')).toBe('-1');
  });

  it('accepts only web addresses for the link to the original', () => {
    expect(safeWebUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
  });
});
