// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../src/extract/extract-article';
import { createLocalDomHost } from '../../../src/library-io/dom-host';
import type { DomWindow } from '../../../src/library-io/html/dom-window';
import { createMarkdownService } from '../../../src/shared/markdown';
import { sanitiseArticle } from '../../../src/ui/article/sanitize-article';
import { articleToMarkdown } from '../../../src/ui/article/to-markdown';
import { loadFixture, parseFixture } from '../support/fixtures';

function body(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe('the one Markdown configuration', () => {
  it('writes ATX headings, fenced code, dash bullets and underscore emphasis, and drops scripts and styles', () => {
    const markdown = createMarkdownService().turndown(
      body(`<h2>Shelters</h2><p>A <em>long</em> and <strong>cold</strong> night</p>
        <pre><code class="language-js">const a = 1;</code></pre><ul><li>one</li></ul>
        <script>alert(1)</script><style>p{}</style>`),
    );
    expect(markdown).toBe('## Shelters\n\nA _long_ and **cold** night\n\n```js\nconst a = 1;\n```\n\n-   one');
  });

  it('writes an embedded frame as a link to its address, or leaves it out', () => {
    const html = '<p>Watch:</p><iframe src="https://video.example/embed/a_(b)"></iframe><iframe srcdoc="x"></iframe>';
    expect(createMarkdownService().turndown(body(html))).toBe(
      'Watch:\n\n[https://video.example/embed/a\\_(b)](https://video.example/embed/a_\\(b\\))',
    );
    expect(createMarkdownService({ frames: 'drop' }).turndown(body(html))).toBe('Watch:');
  });

  it('gives the same body to the Markdown export and to copy as Markdown', async () => {
    for (const slug of ['magazine-seed', 'reader-long-toc']) {
      const fixture = loadFixture(slug);
      const result = extractArticle(parseFixture(fixture), { url: fixture.url });
      // Saving: the body is prepared and stored; the export converts the stored body.
      const host = createLocalDomHost(new JSDOM('').window as unknown as DomWindow);
      const stored = await host.prepare({ html: result.html, baseUrl: result.url });
      const exported = await host.toMarkdown({ html: stored.html, imageSrc: {} });
      // Copy as Markdown: the reader's body, sanitised for the page, as the reader shows it.
      const shown = body('');
      shown.append(sanitiseArticle(result.html, result.url, { table: 'Scrollable table' }).fragment);
      const copied = articleToMarkdown(result, shown);
      expect(exported.length, slug).toBeGreaterThan(500);
      expect(copied, slug).toBe(
        `# ${result.title}\n\n${result.byline}, ${result.siteName} — <${result.url}>\n\n${exported}\n`,
      );
    }
  });

  it('writes a video card as a link with its title and provider, the same in the export and in copy as Markdown', async () => {
    const fixture = loadFixture('hostile-markup');
    const result = extractArticle(parseFixture(fixture), { url: fixture.url });
    const host = createLocalDomHost(new JSDOM('').window as unknown as DomWindow);
    const stored = await host.prepare({ html: result.html, baseUrl: result.url });
    const exported = await host.toMarkdown({ html: stored.html, imageSrc: {} });
    const shown = body('');
    shown.append(sanitiseArticle(result.html, result.url, { table: 'Scrollable table' }).fragment);
    const card = '[YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)';
    expect(exported.split('\n')).toContain(card);
    expect(articleToMarkdown(result, shown)).toContain(`\n\n${card}\n\n`);
    const titled = createMarkdownService().turndown(
      body(
        '<p>Watch:</p><a class="media-card" href="https://vimeo.com/1"><span>The [new] ferry</span> <small>Vimeo</small></a>',
      ),
    );
    expect(titled).toBe('Watch:\n\n[The \\[new\\] ferry (Vimeo)](https://vimeo.com/1)');
  });
});
