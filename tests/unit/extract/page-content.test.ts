// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileClutterRules } from '../../../src/clutter';
import { blockText } from '../../../src/extract/block-text';
import { PAGE_CHROME_SELECTORS } from '../../../src/extract/page-chrome';
import { extractArticle } from '../../../src/extract/extract-article';
import { extractPageContent, mayHoldMoreWords } from '../../../src/extract/page-content';
import { countWords } from '../../../src/extract/reading-time';
import { CHROME, readPage } from '../../../src/extract/pick-article';

function doc(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html lang="en"><body>${body}</body></html>`, 'text/html');
}

function pageContent(page: Document, isProduct = false): Element {
  const compiled = compileClutterRules(undefined, { extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]] });
  const reading = readPage(page, compiled);
  const root = extractPageContent(page, {
    classified: reading.outer,
    protect: reading.anchor ? [reading.anchor] : [],
    compiled,
    isProduct,
  });
  if (!root) throw new Error('no content');
  return root;
}

const cards = Array.from(
  { length: 6 },
  (_, i) =>
    `<li class="card"><a href="/p/${i}"><img src="/p${i}.jpg" alt=""><h3>Graphics card model ${i}</h3></a><p>$${400 + i}.99</p></li>`,
).join('');

describe('choices: filter panels and pickers', () => {
  it("leaves out a collection's filters, whether the labels hold their checkboxes or point to them", () => {
    const brands = ['Zotac', 'Sapphire', 'Gigabyte', 'Asrock']
      .map((b) => `<li><label class="check"><input type="checkbox" name="brand"><span>${b}</span></label></li>`)
      .join('');
    const stock = ['In stock', 'Sold by us', 'New']
      .map((b, i) => `<div><input type="checkbox" id="f${i}"><label for="f${i}">${b}</label></div>`)
      .join('');
    const root = pageContent(
      doc(
        `<main><h1>Graphics cards</h1><div class="side"><dl><dt>Brand</dt><dd><ul>${brands}</ul></dd></dl><div>${stock}</div></div>
        <ul class="grid">${cards}</ul></main>`,
      ),
    );
    const text = blockText(root);
    expect(text).toContain('Graphics card model 5');
    expect(text).not.toMatch(/Zotac|Sapphire|Asrock|Sold by us/);
  });

  it("leaves out a product's size picker of radio buttons, and keeps a list that merely holds a form control", () => {
    const sizes = [8, 9, 10, 11, 12]
      .map((s) => `<label><input type="radio" name="size" value="${s}">US ${s}</label>`)
      .join('');
    const steps = [
      'Unpack the runner and remove the paper from the toe box.',
      'Loosen the laces fully before the first wear.',
      'Wash them cold on a gentle cycle, laces and insoles apart.',
    ]
      .map((s, i) => `<li><label><input type="checkbox"> Step ${i + 1}</label> ${s}</li>`)
      .join('');
    const root = pageContent(
      doc(
        `<main><h1>Wool Runner</h1><p>A sneaker of merino wool with a foam sole that feels soft all day.</p>
        <fieldset class="sizes"><legend>Size</legend>${sizes}</fieldset><h2>Care</h2><ol>${steps}</ol></main>`,
      ),
      true,
    );
    const text = blockText(root);
    expect(text).toContain('merino wool');
    expect(text).not.toMatch(/US 1[012]/);
    expect(text).toContain('laces and insoles apart');
  });
});

describe('counted links: facets and archives', () => {
  it("leaves out a filter panel of links with their counts, and a blog archive's months", () => {
    const facets = ['Bell', 'Giro', 'Smith', 'Thousand']
      .map((b, i) => `<li><span><a href="/b/${b.toLowerCase()}">${b}</a><span> (${i + 5}) </span></span></li>`)
      .join('');
    const months = ['May 2024', 'June 2024', 'July 2024']
      .map((m, i) => `<li><a href="/${i}">${m}</a> (${i + 120})</li>`)
      .join('');
    const root = pageContent(
      doc(
        `<main><h1>Bike helmets</h1><div class="facets"><h4>Brand</h4><ul>${facets}</ul></div>
        <ul class="grid">${cards}</ul><ul class="archive">${months}</ul></main>`,
      ),
    );
    const text = blockText(root);
    expect(text).toContain('Graphics card model 5');
    expect(text).not.toMatch(/Thousand|Giro|June 2024/);
  });

  it('keeps a list whose counts are not beside its links', () => {
    const teams = ['Nets', 'Heat', 'Jazz', 'Suns']
      .map((t, i) => `<li>(${i + 10}) <a href="/t/${i}">${t}</a></li>`)
      .join('');
    const text = blockText(pageContent(doc(`<main><h1>Standings</h1><ul>${teams}</ul></main>`)));
    expect(text).toContain('Suns');
  });
});

describe('modals', () => {
  it("never takes a modal's prose for the page's content, even when the article guard found its body there", () => {
    const policy = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Section ${i}. We process personal information for our legitimate purposes of running our business, complying with applicable laws and protecting our customers, and we keep it only as long as we need it.</p>`,
    ).join('');
    const page = doc(
      `<main><h1>Wool Runner</h1><p>A sneaker of merino wool with a foam sole that feels soft all day.</p>
      <ul><li>Merino wool upper</li><li>Sugarcane foam sole</li><li>Machine washable</li></ul></main>
      <footer><a href="/terms">Terms</a><div id="modal-privacy" role="dialog" aria-modal="true"><div class="prose"><h2>Privacy policy</h2>${policy}</div></div></footer>`,
    );
    const compiled = compileClutterRules(undefined, { extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]] });
    // The fixture is the case the rule is for: the guard's body is the policy.
    expect(readPage(page, compiled).anchor?.closest('[role="dialog"]')).not.toBeNull();
    const text = blockText(pageContent(page, true));
    expect(text).toContain('merino wool');
    expect(text).not.toContain('legitimate purposes');
  });

  it("keeps a product's description in a sheet that is a dialog but not a modal one", () => {
    const description = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Part ${i}. The Arrival T-shirt is cut slim from a light fabric that wicks sweat, with flatlock seams that sit flat under a pack.</p>`,
    ).join('');
    const page = doc(
      `<main><h1>Arrival T-shirt</h1><section class="accordion"><div role="dialog" aria-modal="false" class="sheet">
      <aside><div class="accordion-content">${description}</div></aside></div></section></main>`,
    );
    expect(blockText(pageContent(page, true))).toContain('flatlock seams');
  });
});

describe('mayHoldMoreWords: telling without a copy that the content is no larger', () => {
  function options(page: Document) {
    const compiled = compileClutterRules(undefined, { extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]] });
    const reading = readPage(page, compiled);
    return { classified: reading.outer, protect: reading.anchor ? [reading.anchor] : [], compiled, isProduct: false };
  }
  const contentWords = (page: Document): number => countWords(blockText(pageContent(page)));

  // Pages whose text the copy splits where the page's own text runs together: minified list items
  // and table cells, ideographs, code the article guard keeps.
  const pages = {
    minified:
      '<main><h1>Menu</h1><ul><li>Soup</li><li>Bread</li><li>Cheese</li></ul><table><tr><td>1</td><td>2</td></tr></table></main>',
    ideographs: '<main><h1>新闻</h1><p>今天的天气很好，我们去公园散步。</p><p>Tokyo 東京 news</p></main>',
    cards: `<main><h1>Graphics cards</h1><ul>${cards}</ul></main><footer><a href="/a">About</a></footer>`,
    article: `<article><h1>Bridge</h1>${'<p>The bridge reopened on Monday after a year of repairs to its deck.</p>'.repeat(6)}<pre><code>let x = 1;</code></pre></article>`,
  };

  for (const [name, body] of Object.entries(pages)) {
    it(`never counts fewer words than the content has: ${name}`, () => {
      const words = contentWords(doc(body));
      expect(words).toBeGreaterThan(0);
      const page = doc(body);
      expect(mayHoldMoreWords(page, options(page), words - 1)).toBe(true);
    });
  }

  it("leaves out what the copy always leaves out: scripts, controls and the rules' comment threads", () => {
    const story = '<p>The bridge reopened on Monday after a year of repairs to its deck and railings.</p>'.repeat(4);
    const comments = Array.from(
      { length: 12 },
      (_, i) =>
        `<li class="comment"><p>Reader ${i} writes that the repairs took far too long and cost too much.</p></li>`,
    ).join('');
    const body = `<article><h1>Bridge reopens</h1>${story}</article>
      <script>${'var words = "many words in a script that is never text";'.repeat(50)}</script>
      <button>Share this story with your friends and family now</button>
      <section id="comments"><h2>Comments</h2><ol class="comment-list">${comments}</ol></section>`;
    const page = doc(body);
    const words = contentWords(doc(body));
    expect(mayHoldMoreWords(page, options(page), words + 10)).toBe(false);
    // The same page counted with the thread: the bound would not have spared the copy.
    const bare = doc(
      body.replace('id="comments"', '').replace('class="comment-list"', '').replaceAll('class="comment"', ''),
    );
    expect(mayHoldMoreWords(bare, options(bare), words + 10)).toBe(true);
  });

  it('spares an article page reading its content a second time', () => {
    const steps: string[] = [];
    const story = '<p>The bridge reopened on Monday after a year of repairs to its deck and railings.</p>'.repeat(8);
    const page = doc(`<article><h1>Bridge reopens</h1>${story}</article><footer><p>© Town news</p></footer>`);
    extractArticle(page, { url: 'https://news.example/bridge', window, onStep: (step) => steps.push(step) });
    expect(steps).toContain('page-content-size');
    expect(steps).not.toContain('page-content');
  });
});
