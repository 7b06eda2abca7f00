// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileClutterRules, EXCEPTION } from '../../../src/clutter';
import { PAGE_CHROME_SELECTORS } from '../../../src/extract/page-chrome';
import { cloneInert, type InertDocument } from '../../../src/extract/inert-document';
import { prepareDocument } from '../../../src/extract/prepare';
import { noRemovals } from '../../../src/extract/removal-counts';

function prepare(body: string, protect: (doc: Document) => Element[] = () => []): InertDocument {
  const doc = cloneInert(
    new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html'),
  );
  const compiled = compileClutterRules(undefined, { extraGroups: [['chrome', PAGE_CHROME_SELECTORS]] });
  const classified = compiled.index.classifyAll(doc.body);
  const of = (tag: string): Element[] => classified.filter(([, t]) => t === tag).map(([element]) => element);
  prepareDocument(doc, {
    protect: protect(doc),
    removed: noRemovals(),
    exceptions: of(EXCEPTION),
    chrome: of('chrome'),
  });
  return doc;
}

describe('prepareDocument', () => {
  it("removes the page's furniture, unless it holds the article", () => {
    const doc = prepare(
      '<nav>menu</nav><div role="dialog">cookies</div><div class="sr-only">Skip</div><footer id="f"><p id="body">story</p></footer><script>x()</script>',
      (d) => [d.getElementById('body') as Element],
    );
    expect(doc.body.innerHTML).toBe('<footer id="f"><p id="body">story</p></footer>');
  });

  it('turns layout tables into blocks and keeps data tables', () => {
    const cell = `<td>${'A sentence of the story.<br><br>'.repeat(20)}</td>`;
    const doc = prepare(
      `<table id="layout"><tr><td>nav</td>${cell}</tr></table><table id="data"><tr><th>City</th></tr><tr><td>Oslo</td></tr></table>`,
    );
    expect(doc.querySelectorAll('table').length).toBe(1);
    expect(doc.querySelector('table')?.id).toBe('data');
  });

  it('lifts embedded posts out of wrappers Readability would drop', () => {
    const doc = prepare(
      '<div class="social-embed"><blockquote class="twitter-tweet"><p>Quoted post</p></blockquote></div>',
    );
    expect(doc.body.innerHTML).toBe('<blockquote data-embed="post"><p>Quoted post</p></blockquote>');
  });

  it('hides code comments from Readability, which drops any class that says "comment"', () => {
    const doc = prepare('<pre><code><span class="hljs-comment">// why</span></code></pre>');
    expect(doc.querySelector('span')?.outerHTML).toBe('<span data-class="hljs-comment">// why</span>');
  });

  it("fixes lazy images, leaving addresses as written (only the article's are made absolute)", () => {
    const doc = prepare('<a href="b">x</a><img data-src="/real.jpg" src="data:image/gif;base64,R0lGOD">');
    expect(doc.body.innerHTML).toBe('<a href="b">x</a><img data-src="/real.jpg" src="/real.jpg">');
  });

  it('cuts chains of nested wrappers to 17 levels, keeping their text and every kept element', () => {
    const chain = (depth: number, inner: string): string =>
      '<div><span>'.repeat(depth) + inner + '</span></div>'.repeat(depth);
    const doc = prepare(`${chain(600, '<p id="deep">Deep text</p>')}<section>${chain(3, '<p>Shallow</p>')}</section>`);
    const depthOf = (element: Element | null): number => {
      let depth = 0;
      for (let el = element?.parentElement ?? null; el && el !== doc.body; el = el.parentElement) depth++;
      return depth;
    };
    expect(depthOf(doc.getElementById('deep'))).toBe(17);
    expect(doc.body.textContent).toBe('Deep textShallow');
    expect(depthOf(doc.querySelector('section p'))).toBe(7);
    // A protected wrapper deep in a chain is never dropped: it moves up with what it holds.
    const kept = prepare(chain(40, '<div id="keep"><p>Kept</p></div>'), (d) => [d.getElementById('keep') as Element]);
    expect(kept.getElementById('keep')?.innerHTML).toBe('<p>Kept</p>');
    expect(depthOf(kept.getElementById('keep'))).toBe(18);
  });
});
