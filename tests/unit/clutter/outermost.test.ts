// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { classifyOutermost, classifyRegion, compileClutterRules } from '../../../src/clutter';
import { listFixtureSlugs, loadFixture, parseFixture } from '../support/fixtures';

const compiled = compileClutterRules(undefined, { host: 'news.example' });

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

function ids(pairs: readonly (readonly [Element, string])[]): string[] {
  return pairs.map(([element, tag]) => `${element.id}:${tag}`);
}

describe('classifyOutermost', () => {
  it('stops at a match, leaves the root out and collects the paragraphs outside comment threads in order', () => {
    const doc = page(
      `<main id="main" class="comments">
        <p id="p1">One</p>
        <aside id="related" class="related-articles"><p id="p2">Two</p><div id="inner" class="share-buttons"></div></aside>
        <p id="p3">Three</p>
        <section id="thread" class="comments"><p id="p4">A reply</p><div id="nested" class="share-buttons"></div></section>
      </main>`,
    );
    const paragraphs: Element[] = [];
    const main = doc.getElementById('main') as Element;
    const outer = classifyOutermost(main, compiled, paragraphs);
    expect(ids(outer)).toEqual(['related:related', 'thread:comments']);
    expect(paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('leaves out the paragraphs of a thread nested in a match, which the guards may keep', () => {
    const doc = page(
      `<div id="wrapper" class="related-articles">
        <article><p id="p1">One</p><p id="p2">Two</p></article>
        <section id="thread" class="comments"><div><p id="r1">A reply</p></div><p id="r2">Another</p></section>
        <p id="p3">Three</p>
      </div>`,
    );
    const paragraphs: Element[] = [];
    expect(ids(classifyOutermost(doc.body, compiled, paragraphs))).toEqual(['wrapper:related']);
    expect(paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('classifyRegion', () => {
  /** What a full classification of the page (`all`) says about the region and everything in it. */
  function reference(all: readonly (readonly [Element, string])[], region: Element): string[] {
    const own = compiled.index.classify(region);
    return ids([
      ...(own === null ? [] : [[region, own] as const]),
      ...all.filter(([el]) => region.contains(el) && el !== region),
    ]);
  }

  it('finds every match in a region, nested ones too, as a full classification would', () => {
    for (const slug of listFixtureSlugs()) {
      const doc = parseFixture(loadFixture(slug));
      let n = 0;
      for (const element of Array.from(doc.body.querySelectorAll('*'))) element.id ||= `e${n++}`;
      const outer = classifyOutermost(doc.body, compiled);
      const all = compiled.index.classifyAll(doc.body);
      // Every element as the region: inside, around and equal to the outermost matches.
      for (const region of [doc.body, ...Array.from(doc.body.querySelectorAll('*'))]) {
        expect(ids(classifyRegion(region, outer, compiled)), `${slug} ${region.id}`).toEqual(reference(all, region));
      }
    }
  }, 30_000); // every element of every fixture page as a region: thorough, so slow on a loaded machine
});
