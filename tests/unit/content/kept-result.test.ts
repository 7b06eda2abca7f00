/**
 * The content script answers a second request with its kept result only while the document is
 * exactly as it was (src/content/kept-result.ts): any change, the same key asked or not, means a
 * fresh computation.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createKeptResult } from '../../../src/content/kept-result';

function setUp(html = '<p id="p">One</p>') {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, { url: 'http://127.0.0.1/page/' });
  const doc = dom.window.document;
  let computations = 0;
  const kept = createKeptResult<string>(doc);
  const answer = (key = 'k', isKeepable = true) =>
    kept.answer(key, () => ({ value: `${doc.body.innerHTML}#${++computations}`, isKeepable }));
  return { dom, doc, answer, computations: () => computations };
}

/** Lets the MutationObserver's callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the kept result', () => {
  it('answers again without computing while the document is unchanged', async () => {
    const { answer, computations } = setUp();
    const first = answer();
    await settle();
    expect(answer()).toEqual({ value: first.value, wasKept: true });
    expect(answer()).toEqual({ value: first.value, wasKept: true });
    expect(first.wasKept).toBe(false);
    expect(computations()).toBe(1);
  });

  it.each([
    ['a node added', (doc: Document) => doc.body.append(doc.createElement('div'))],
    ['a node removed', (doc: Document) => doc.getElementById('p')?.remove()],
    ['an attribute set', (doc: Document) => doc.getElementById('p')?.setAttribute('class', 'x')],
    ['text edited', (doc: Document) => ((doc.getElementById('p')?.firstChild as Text).data = 'Two')],
    ['the title changed', (doc: Document) => (doc.title = 'New')],
  ])('computes afresh after %s', async (_, change) => {
    const { doc, answer, computations } = setUp();
    answer();
    await settle();
    change(doc);
    await settle();
    expect(answer().wasKept).toBe(false);
    expect(computations()).toBe(2);
  });

  it('sees a change made just before the request, before the observer has reported it', () => {
    const { doc, answer, computations } = setUp();
    answer();
    doc.body.append(doc.createElement('div'));
    // No await: the observer's callback has not run yet.
    expect(answer().wasKept).toBe(false);
    expect(computations()).toBe(2);
  });

  it('computes afresh for another key, and keeps only the last', async () => {
    const { answer, computations } = setUp();
    answer('a');
    expect(answer('b').wasKept).toBe(false);
    expect(answer('b').wasKept).toBe(true);
    expect(answer('a').wasKept).toBe(false);
    await settle();
    expect(computations()).toBe(3);
  });

  it('keeps nothing the computation said not to keep', () => {
    const { answer, computations } = setUp();
    answer('k', false);
    expect(answer().wasKept).toBe(false);
    expect(computations()).toBe(2);
  });

  it('keeps nothing when the document changed while the result was computed', () => {
    const { doc } = setUp();
    const kept = createKeptResult<number>(doc);
    let computations = 0;
    const mutating = () => {
      computations += 1;
      doc.body.append(doc.createElement('span'));
      return { value: computations, isKeepable: true };
    };
    kept.answer('k', mutating);
    expect(kept.answer('k', mutating).wasKept).toBe(false);
    expect(computations).toBe(2);
  });

  it('stops watching the page at its first change', async () => {
    const { dom, doc } = setUp();
    let callbacks = 0;
    const Base = dom.window.MutationObserver;
    // Count the observer's callbacks: a page that keeps changing must not pay for each change.
    dom.window.MutationObserver = class extends Base {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          callbacks += 1;
          callback(records, observer);
        });
      }
    };
    const kept = createKeptResult<number>(doc);
    kept.answer('k', () => ({ value: 1, isKeepable: true }));
    for (let i = 0; i < 5; i++) {
      doc.body.append(doc.createElement('i'));
      await settle();
    }
    expect(callbacks).toBe(1);
  });
});
