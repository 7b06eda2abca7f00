// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { blockText, textBlocks } from '../../../src/extract/block-text';

function root(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('blockText', () => {
  it('separates blocks by a blank line and never runs words of adjacent blocks together', () => {
    expect(
      blockText(root('<h2>Title</h2><p>One <b>two</b></p><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>')),
    ).toBe('Title\n\nOne two\n\na\n\nb\n\nq');
    expect(blockText(root('<div>left</div><div>right</div>'))).toBe('left\n\nright');
  });

  it('collapses whitespace, keeps line breaks and preformatted text as they are', () => {
    expect(blockText(root('<p>  a \n  b  <br> c </p><pre>  x = 1\n    y = 2\n</pre>'))).toBe(
      'a b\nc\n\n  x = 1\n    y = 2',
    );
  });

  it('puts table rows on their own lines and cells apart', () => {
    expect(
      blockText(root('<table><tr><th>City</th><th>Pop.</th></tr><tr><td>Oslo</td><td>709,000</td></tr></table>')),
    ).toBe('City\tPop.\n\nOslo\t709,000');
  });

  it('leaves out scripts, media, controls and what the caller skips', () => {
    const el = root(
      '<p>kept</p><script>x()</script><button>Play</button><figure><img><figcaption>cap</figcaption></figure>',
    );
    expect(blockText(el, { skip: (e) => e.tagName === 'FIGURE' })).toBe('kept');
  });

  // Built in linkedom: jsdom's appendChild costs time in proportion to the depth.
  it('handles nesting deeper than a call stack allows, without recursion', () => {
    const { document: doc } = parseHTML('<html><body></body></html>');
    const top = doc.createElement('div') as unknown as Element;
    let node: Element = top;
    for (let i = 0; i < 50_000; i++) node = node.appendChild(doc.createElement('span') as unknown as Element);
    node.textContent = 'deep';
    expect(textBlocks(top)).toEqual(['deep']);
  });
});
