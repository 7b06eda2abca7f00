// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isBefore, lastNodeIn, outermostInOrder, queryOutside } from '../../../src/clutter/dom';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

const ids = (elements: readonly Element[]) => elements.map((e) => e.id);

/** Every match of the whole tree, less those inside a fence: what `queryOutside` must give. */
function reference(root: Element, fences: readonly Element[], selector: string): string[] {
  return ids(Array.from(root.querySelectorAll(selector)).filter((e) => !fences.some((f) => f.contains(e))));
}

describe('queryOutside', () => {
  const doc = page(`
    <a id="a1"></a>
    <div id="wrap"><a id="a2"></a>
      <div id="thread"><a id="in1"></a><div><a id="in2"></a></div></div>
      <p><a id="a3"></a></p>
      <button id="fence-control"><span><a id="in3"></a></span></button>
    </div>
    <a id="a4"></a>`);
  const body = doc.body;
  const fences = outermostInOrder([doc.getElementById('fence-control')!, doc.getElementById('thread')!]);

  it('finds the matches beside the fences, in document order, and none inside or of them', () => {
    expect(ids(queryOutside(body, fences, 'a, button'))).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids(queryOutside(body, fences, 'a, button'))).toEqual(reference(body, fences, 'a, button'));
  });

  it('is the whole query without fences', () => {
    expect(ids(queryOutside(body, [], 'a'))).toEqual(ids(Array.from(body.querySelectorAll('a'))));
  });

  it('gives the same among more siblings than it queries one by one (the filtered whole query)', () => {
    const items = Array.from({ length: 120 }, (_, i) =>
      i % 40 === 7 ? `<li id="t${i}"><a id="x${i}"></a><a id="y${i}"></a></li>` : `<li><a id="l${i}"></a></li>`,
    ).join('');
    const list = page(`<ul>${items}</ul><a id="after"></a>`);
    const fenced = outermostInOrder(Array.from(list.querySelectorAll('[id^="t"]')));
    const found = ids(queryOutside(list.body, fenced, 'a'));
    expect(found).toEqual(reference(list.body, fenced, 'a'));
    expect(found).toHaveLength(118);
    expect(found.at(-1)).toBe('after');
  });
});

describe('document order helpers', () => {
  const doc = page('<div id="a"><p id="b">x</p></div><p id="c"></p>');
  const element = (id: string) => doc.getElementById(id) as Element;
  const [a, b, c] = [element('a'), element('b'), element('c')];

  it('says a node ends before another only when the other follows it and is not inside it', () => {
    expect(isBefore(a, c)).toBe(true);
    expect(isBefore(a, b)).toBe(false);
    expect(isBefore(c, a)).toBe(false);
  });

  it('keeps the outermost of nested elements, in document order', () => {
    expect(ids(outermostInOrder([c, b, a, b]))).toEqual(['a', 'c']);
  });

  it('finds the last node inside an element', () => {
    expect(lastNodeIn(a).nodeValue).toBe('x');
    expect(lastNodeIn(c)).toBe(c);
  });
});
