// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorSpan, describeSpan } from '../../../src/highlights/anchor-text';
import {
  joinWrappers,
  rangeOfSpan,
  rangesOfSpans,
  spanOfRange,
  textOf,
  unwrap,
  wrapSpan,
} from '../../../src/highlights/dom-text';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  // The fixture is our own markup, parsed for the test.
  root.append(document.createRange().createContextualFragment(html));
  return root;
}

const ARTICLE =
  '<h2>The port</h2>\n<p>The council said the <em>ferries</em> would run again.</p>\n' +
  '<blockquote><p>We mended <a href="#n">the nets</a>.</p></blockquote>\n<ul><li>Bread</li><li>Rope</li></ul>';

describe('offsets in an article body', () => {
  it('counts the text of every node, white space between blocks included', () => {
    expect(textOf(body(ARTICLE))).toBe(
      'The port\nThe council said the ferries would run again.\nWe mended the nets.\nBreadRope',
    );
  });

  it('maps a selection across paragraphs, a quote and inline elements to one span and back', () => {
    const root = body(ARTICLE);
    const text = textOf(root);
    const range = document.createRange();
    range.setStart(root.querySelector('em')!.firstChild!, 2); // "rries"
    range.setEnd(root.querySelector('a')!.firstChild!, 4); // "the "
    const span = spanOfRange(root, range)!;
    expect(text.slice(span.start, span.end)).toBe('rries would run again.\nWe mended the ');
    const back = rangeOfSpan(root, span)!;
    expect(back.toString()).toBe(range.toString());
    expect(back.startContainer).toBe(range.startContainer);
    expect(back.endContainer).toBe(range.endContainer);
  });

  it('maps a range whose ends are between elements', () => {
    const root = body(ARTICLE);
    const range = document.createRange();
    range.setStart(root, 2); // before the first <p>
    range.setEnd(root.querySelector('ul')!, 1); // after "Bread"
    const span = spanOfRange(root, range)!;
    expect(textOf(root).slice(span.start, span.end)).toBe(
      'The council said the ferries would run again.\nWe mended the nets.\nBread',
    );
  });

  /** The reference: one walk per span, from the node holding its first character to the one holding its last. */
  function walkForSpan(root: Node, span: { start: number; end: number }): Range | null {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let first: [Node, number] | null = null;
    let last: [Node, number] | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).data.length;
      const from = Math.max(span.start, offset);
      const to = Math.min(span.end, offset + length);
      if (from < to) {
        first ??= [node, from - offset];
        last = [node, to - offset];
      }
      offset += length;
    }
    if (!first || !last) return null;
    const range = document.createRange();
    range.setStart(...first);
    range.setEnd(...last);
    return range;
  }

  it('maps many spans in one walk to the ranges that one walk per span gives', () => {
    const root = body(ARTICLE);
    const length = textOf(root).length;
    // Every span over the text and a little past it: overlapping, nested, touching node edges.
    const spans = [];
    for (let start = -1; start <= length + 1; start += 3)
      for (let end = start; end <= length + 2; end += 5) spans.push({ start, end });
    const shuffled = [...spans].reverse();
    const ranges = rangesOfSpans(root, shuffled);
    const describe = (r: Range | null) =>
      r && [r.startContainer.textContent, r.startOffset, r.endContainer.textContent, r.endOffset, r.toString()];
    expect(ranges.map(describe)).toEqual(shuffled.map((span) => describe(walkForSpan(root, span))));
    expect(shuffled.map((span) => describe(rangeOfSpan(root, span)))).toEqual(ranges.map(describe));
    expect(ranges.filter(Boolean).length).toBeGreaterThan(100);
  });

  it('refuses a range outside the body', () => {
    const root = body(ARTICLE);
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside, root);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(spanOfRange(root, range)).toBeNull();
  });

  it('wraps a span in marks per text node, leaving the white space between blocks, and unwraps it', () => {
    const root = body(ARTICLE);
    const text = textOf(root);
    const start = text.indexOf('ferries');
    const end = text.indexOf('the nets') + 'the nets'.length;
    const marks = wrapSpan(root, { start, end }, () => document.createElement('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['ferries', ' would run again.', 'We mended ', 'the nets']);
    expect(root.querySelectorAll('p > mark, em > mark, a > mark')).toHaveLength(4);
    // The text, and so every other highlight's offsets, are unchanged.
    expect(textOf(root)).toBe(text);
    unwrap(marks);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(root.innerHTML).toBe(body(ARTICLE).innerHTML);
  });

  it('joins a highlight’s marks where the markup allows, never across blocks', () => {
    const root = body('<p>The <em>ferries</em> <strong>would</strong> run.</p><p>Next <a href="#x">one</a></p>');
    const text = textOf(root);
    const marks = wrapSpan(root, { start: text.indexOf('ferries'), end: text.length }, () =>
      document.createElement('mark'),
    );
    expect(marks).toHaveLength(5);
    const joined = joinWrappers(marks);
    expect(joined.map((m) => m.outerHTML)).toEqual([
      '<mark><em>ferries</em> <strong>would</strong> run.</mark>',
      '<mark>Next <a href="#x">one</a></mark>',
    ]);
    expect(textOf(root)).toBe(text);
  });

  it('anchors a highlight made on one rendering in another with other markup around the same text', () => {
    const first = body(ARTICLE);
    const text = textOf(first);
    const start = text.indexOf('said');
    const selectors = describeSpan(text, start, text.indexOf('mended') + 'mended'.length);
    const resaved = body(
      `<p>An update at the top.</p>\n${ARTICLE.replace('<em>ferries</em>', '<strong>ferries</strong>')}`,
    );
    const span = anchorSpan(textOf(resaved), selectors)!;
    expect(rangeOfSpan(resaved, span)!.toString()).toBe('said the ferries would run again.\nWe mended');
  });
});
