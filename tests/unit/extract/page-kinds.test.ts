// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileClutterRules } from '../../../src/clutter';
import { blockText } from '../../../src/extract/block-text';
import { extractArticle, wordsToReplacePick } from '../../../src/extract/extract-article';
import { findListItems, rebuildAsList } from '../../../src/extract/list-items';
import { PAGE_CHROME_SELECTORS } from '../../../src/extract/page-chrome';
import { extractPageContent } from '../../../src/extract/page-content';
import { readPageSignals } from '../../../src/extract/page-signals';
import { removeProductFurniture } from '../../../src/extract/product-furniture';
import { isPurchaseLine } from '../../../src/extract/purchase-panel';
import { CHROME, readPage } from '../../../src/extract/pick-article';
import type { PageType } from '../../../src/extract/types';

function doc(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const jsonLd = (type: string): string =>
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"${type}","name":"X"}</script>`;

const HEADER = `<header class="site-header"><a href="/">Shop</a><nav><a href="/a">Alpha</a> <a href="/b">Beta</a> <a href="/c">Gamma</a></nav></header>`;
const FOOTER =
  '<footer><p>© Shop</p><ul><li><a href="/t">Terms</a></li><li><a href="/p">Privacy</a></li></ul></footer>';

/** A product page: a short description Readability would keep alone, and the specifications beside it. */
function productPage(extra = ''): string {
  const specs = ['Weight', 'Capacity', 'Material', 'Frame', 'Warranty', 'Colour']
    .map((name, i) => `<tr><th>${name}</th><td>${name} value ${i} for the Trail 25 pack</td></tr>`)
    .join('');
  return `${HEADER}<main><h1>Trail 25 pack</h1><p class="price">$99</p>
    <div class="description"><p>A light daypack for long days on the trail, with a ventilated back panel.</p></div>
    <h2>Features</h2><ul><li>Hydration sleeve for a 3-litre reservoir</li><li>Hip belt pockets for snacks and a phone</li>
    <li>Rain cover stowed in its own pocket</li><li>Made from recycled ripstop nylon</li>
    <li>Trekking pole loops on both sides</li><li>Reflective tabs for walks at dusk</li>
    <li>Padded laptop sleeve that fits a 15-inch laptop</li><li>Two water bottle pockets of stretch mesh</li></ul>
    <h2>Specifications</h2><table>${specs}</table>${extra}</main>${FOOTER}`;
}

function pageContent(page: Document, isProduct = false): Element | null {
  const compiled = compileClutterRules(undefined, { extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]] });
  const reading = readPage(page, compiled);
  return extractPageContent(page, {
    classified: reading.outer,
    protect: reading.anchor ? [reading.anchor] : [],
    compiled,
    isProduct,
  });
}

describe('readPageSignals', () => {
  it('reads the kind a page declares in JSON-LD, microdata, OpenGraph, its generator and its address', () => {
    const kind = (head: string, body = '', url = 'https://example.com/x'): string | null =>
      readPageSignals(doc(body, head), url).declared;
    expect(kind(jsonLd('Product'))).toBe('product');
    expect(kind('<meta property="og:type" content="product">')).toBe('product');
    expect(kind('', '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">X</span></div>')).toBe(
      'product',
    );
    expect(kind(jsonLd('NewsArticle'))).toBe('article');
    expect(kind('<meta property="og:type" content="article">')).toBe('article');
    expect(kind(jsonLd('CollectionPage'))).toBe('list');
    expect(kind(jsonLd('TechArticle'))).toBe('documentation');
    expect(kind('<meta name="generator" content="Docusaurus v3.1">')).toBe('documentation');
    expect(kind('', '', 'https://example.com/docs/install')).toBe('documentation');
    expect(kind('<meta property="og:type" content="website">')).toBeNull();
    // A list page that a site also labels `og:type=article`, as many label every page.
    const ogArticle = '<meta property="og:type" content="article">';
    expect(kind(ogArticle + jsonLd('CollectionPage'))).toBe('list');
    expect(kind(ogArticle)).toBe('article');
    const archive = new DOMParser().parseFromString(
      `<!doctype html><html><head>${ogArticle}</head><body class="archive category category-recipes"></body></html>`,
      'text/html',
    );
    expect(readPageSignals(archive, 'https://blog.example/category/recipes/').declared).toBe('list');
    const teasers = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `<article itemscope itemtype="https://schema.org/BlogPosting"><h2>Post ${i}</h2></article>`,
      ).join('');
    expect(kind('', teasers(3))).toBe('list');
    expect(kind('', teasers(1))).toBe('article');
    // One article declared in JSON-LD, with a few related ones marked up below it: an article.
    expect(kind(jsonLd('NewsArticle'), teasers(3))).toBe('article');
    // A shop's collection: a group of products, or several listed side by side, is a list.
    expect(kind('<meta property="og:type" content="product.group">')).toBe('list');
    expect(kind('<meta property="og:type" content="product.item">')).toBe('product');
    expect(kind('<meta property="og:type" content="product">' + jsonLd('CollectionPage'))).toBe('list');
    const linkedProducts = `<script type="application/ld+json">[${Array.from({ length: 3 }, (_, i) => `{"@type":"Product","name":"Mug ${i}"}`).join(',')}]</script>`;
    expect(kind(linkedProducts)).toBe('list');
    // A product and its variants is one product.
    const group =
      '<script type="application/ld+json">{"@type":"ProductGroup","name":"Mug","hasVariant":[{"@type":"Product"},{"@type":"Product"},{"@type":"Product"}]}</script>';
    expect(kind(group)).toBe('product');
    expect(
      readPageSignals(doc('', '<meta name="generator" content="Discourse 3.4">'), 'https://x.example/t/1').isDiscussion,
    ).toBe(true);
    const atAddress = (url: string): boolean => readPageSignals(doc(''), url).isDiscussion;
    for (const url of [
      'https://forums.example/viewtopic.php?f=2&t=3',
      'https://forums.example/showthread.php?t=1930933',
      'https://forums.example/threads/pump-timeout.3881239/',
      'https://community.example/thread-222085.html',
      'https://www.example/community/index.php?topic=589061.0',
      'https://forum.example/topic/319445-roadmap-discussion/',
      'https://discuss.example/t/pump-timeout/724779',
      'https://discuss.example/d/2068-types-of-threads',
    ]) {
      expect(atAddress(url), url).toBe(true);
    }
    for (const url of [
      'https://news.example/2024/05/pump',
      'https://shop.example/topic/pumps',
      'https://x.example/t/',
    ]) {
      expect(atAddress(url), url).toBe(false);
    }
  });
});

describe('extractPageContent', () => {
  it("keeps the page's main content without its header, navigation, footer, menus and forms", () => {
    const root = pageContent(
      doc(
        `${HEADER}<aside><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li><li><a href="/3">Three</a></li></ul></aside>
        <div class="layout"><h1>Plumbing services</h1><p>We repair leaks, boilers and pipes across the city, day and night.</p>
        <div class="crumbs"><a href="/">Home</a> › <a href="/s">Services</a> › <a href="/s/p">Plumbing</a></div>
        <form><label>Postcode</label><input name="pc"><button>Find a plumber</button></form>
        <h2>Prices</h2><ul><li>Call-out: a fixed fee for the first hour of work</li><li>Boiler service: a yearly check of the whole system</li></ul></div>${FOOTER}`,
      ),
    );
    const text = blockText(root as Element);
    expect(text).toContain('We repair leaks');
    expect(text).toContain('Boiler service: a yearly check');
    expect(text).not.toMatch(/Alpha|One|Home|Postcode|Find a plumber|Terms|© Shop/);
  });

  it("never takes a cookie notice's settings panel for the body, however much prose it has", () => {
    const purpose = (name: string): string =>
      `<p>${name} cookies let us and our partners measure how the site is used and choose what to show you.</p>`;
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<li><a href="/r/${i}"><img src="/r${i}.jpg" alt=""><h3>Weeknight dinner ${i}</h3></a></li>`,
    ).join('');
    const page = doc(
      `${HEADER}<h1>Dinner recipes</h1><ul class="cards">${cards}</ul>
      <div id="onetrust-consent-sdk"><div role="dialog" aria-modal="true"><h2>Privacy Preference Center</h2>
      ${['Performance', 'Targeting', 'Functional', 'Strictly necessary'].map(purpose).join('')}</div></div>`,
    );
    const compiled = compileClutterRules(undefined, { extraGroups: [[CHROME, PAGE_CHROME_SELECTORS]] });
    const anchor = readPage(page, compiled).anchor;
    expect(anchor?.closest('#onetrust-consent-sdk') ?? null).toBeNull();
    const text = blockText(pageContent(page) as Element);
    expect(text).toContain('Weeknight dinner 5');
    expect(text).not.toContain('Privacy Preference Center');
  });

  it('takes the <main> landmark when the page has one, and never the comment thread', () => {
    const thread = `<section id="comments" class="comments"><h2>Comments</h2><ol>${'<li class="comment"><p>I called them on a Sunday and they came within the hour.</p></li>'.repeat(5)}</ol></section>`;
    const root = pageContent(doc(`<div class="promo-strip">Sale now on</div>${productPage(thread)}`));
    const text = blockText(root as Element);
    expect(text).toContain('Specifications');
    expect(text).not.toMatch(/Sale now on|I called them/);
  });

  it("leaves out a product's reviews and other products' carousels on a page declaring a product", () => {
    const reviews =
      '<section id="reviews"><h2>Reviews</h2><div itemprop="review"><p>Great pack, but the straps chafe on long hikes.</p></div></section>';
    const page = (): Document => doc(productPage(reviews));
    expect(blockText(pageContent(page(), true) as Element)).not.toContain('straps chafe');
    // On a page that declares nothing, a section named "reviews" may be the content itself.
    expect(blockText(pageContent(page(), false) as Element)).toContain('straps chafe');
  });

  it("removes other products' cards whatever their classes, and a panel repeated for every colour", () => {
    const cards = Array.from(
      { length: 5 },
      (_, i) => `<div class="tile"><a href="/p/${i}">Other pack ${i}</a><span>$${40 + i}.99</span></div>`,
    ).join('');
    const stats = Array.from(
      { length: 3 },
      (_, i) => `<div class="stat"><a href="/case/${i}">Case ${i}</a> saved $${i}M</div>`,
    ).join('');
    const panel = '<p>Final sale items cannot be returned or exchanged.</p>';
    const root = doc(
      `<div><h1>Trail 25 pack</h1><p>$89.95</p><p>A day pack with a rain cover.</p>${panel}${panel}${panel}<div class="row">${cards}</div><div class="row">${stats}</div></div>`,
    ).body.firstElementChild as Element;
    removeProductFurniture(root);
    const text = blockText(root);
    expect(text).not.toContain('Other pack');
    expect(text).toContain('Trail 25 pack');
    expect(text).toContain('A day pack with a rain cover.');
    expect(text).toContain('Case 2 saved');
    expect(text.match(/Final sale/g)).toHaveLength(1);
  });
});

describe('the purchase panel of a product page', () => {
  it('knows the lines about buying, in the languages we read', () => {
    for (const line of [
      '£675',
      'All prices incl. VAT',
      '$99.00 USD',
      '129,99 € inkl. MwSt.',
      'In stock',
      'Only 3 left',
      'Free delivery on orders over £50',
      '30-Day Money-Back Guarantee',
      '4.4 out of 5 stars',
      '1,935 ratings',
      'Auf Lager',
      'Kostenloser Versand',
      '212 Bewertungen',
      'En stock',
      'Livraison gratuite dès 49 €',
      'Envío gratis',
      'Spedizione gratuita',
      'Op voorraad',
      'Frete grátis',
      'Darmowa dostawa',
      'Fri frakt',
      'På lager',
      '送料無料',
      '有货',
      '무료 배송',
    ]) {
      expect(isPurchaseLine(line), line).toBe(true);
    }
  });

  it("keeps the product's own words, and sentences that mention buying", () => {
    for (const line of [
      'Trail 25 pack',
      'Weight: 1.2 kg',
      'Height 50 cm',
      'A light daypack for long days on the trail, with a ventilated back panel and a rain cover that ships in its own pocket.',
      'Made from recycled ripstop nylon',
      'Capacity: 25 litres',
    ]) {
      expect(isPurchaseLine(line), line).toBe(false);
    }
  });

  it("removes the panel's lines on a product page, not the description or specifications", () => {
    const root = doc(
      `<div><h1>Trail 25 pack</h1><div class="buy"><span>$99</span><small>incl. VAT</small></div><p>In stock</p>
      <p>Free delivery on orders over $50</p><p>A light daypack for long days on the trail.</p>
      <p>The pack is <strong>in stock</strong> in four colours, each with a rain cover and reflective tabs for dusk.</p>
      <table><tr><th>Price band</th><td>$90–$100</td></tr></table></div>`,
    ).body.firstElementChild as Element;
    removeProductFurniture(root);
    const text = blockText(root);
    expect(text).not.toMatch(/\$99|In stock|Free delivery/);
    expect(text).toContain('A light daypack');
    expect(text).toContain('The pack is in stock in four colours');
    expect(text).toContain('Price band');
    expect(text).toContain('Trail 25 pack');
  });
});

describe('findListItems and rebuildAsList', () => {
  const card = (i: number): string =>
    `<div class="card card-${i}"><a href="/p/${i}"><img src="/img/${i}.jpg" alt=""></a><h3><a href="/p/${i}">Item ${i} title</a></h3><p class="teaser">Teaser ${i}, a line about the item.</p><span class="price">$${10 + i}</span></div>`;

  it('finds a run of sibling items with links and rebuilds them as a clean list', () => {
    const page = doc(
      `<div id="content"><h1>Backpacks</h1><div class="grid">${[1, 2, 3, 4, 5].map(card).join('')}</div></div>`,
    );
    const root = page.getElementById('content') as Element;
    const items = findListItems(root);
    expect(items).toHaveLength(5);
    expect(rebuildAsList(items as Element[])).toBe(true);
    const li = Array.from(root.querySelectorAll('ul > li'));
    expect(li).toHaveLength(5);
    expect(li[2]?.querySelector('h3 > a')?.outerHTML).toBe('<a href="/p/3">Item 3 title</a>');
    expect(Array.from(li[2]?.querySelectorAll('p') ?? []).map((p) => p.textContent)).toEqual([
      'Teaser 3, a line about the item.',
      '$13',
    ]);
    expect(root.querySelector('.grid')?.children).toHaveLength(1);
  });

  it('finds no list in prose with a few links', () => {
    const page = doc(
      `<article>${'<p>A paragraph with <a href="/x">a link</a> in the middle of a long sentence about rivers.</p>'.repeat(6)}</article>`,
    );
    expect(findListItems(page.body)).toBeNull();
  });
});

describe('extractArticle on pages that are not one article', () => {
  it('reads a product page with its features and specifications, not only the description', () => {
    const page = doc(productPage(), `${jsonLd('Product')}<title>Trail 25 pack</title>`);
    const steps: string[] = [];
    const result = extractArticle(page, {
      url: 'https://shop.example/p/trail-25',
      window,
      onStep: (step) => steps.push(step),
    });
    // The content could outgrow the pick, so it is read.
    expect(steps).toContain('page-content');
    expect(result).toMatchObject({ isArticle: true, pageType: 'product' });
    expect(result.text).toContain('Hip belt pockets');
    expect(result.text).toContain('Capacity value 1');
    expect(result.text).not.toMatch(/Alpha|Privacy/);
  });

  it("keeps a declared article's own text, where an undeclared page's teasers would count as content", () => {
    const teasers = Array.from(
      { length: 16 },
      (_, i) =>
        `<div class="teaser"><h3><a href="/s/${i}">Another story number ${i} about the town</a></h3><p>Its standfirst ${i}, a sentence or two about what happened and why it matters.</p></div>`,
    ).join('');
    const story = Array.from(
      { length: 16 },
      (_, i) => `<p>The bridge reopened on Monday after two years of repairs, the council said in statement ${i}.</p>`,
    ).join('');
    const body = `<div class="page"><article><h1>Bridge reopens</h1>${story}</article><div class="more">${teasers}</div></div>`;
    const declared = extractArticle(doc(body, `${jsonLd('NewsArticle')}<title>Bridge reopens</title>`), {
      url: 'https://news.example/bridge',
      window,
    });
    expect(declared.pageType).toBe('article');
    expect(declared.text).toContain('The bridge reopened on Monday');
    expect(declared.text).not.toContain('Another story number');
    const undeclared = extractArticle(doc(body, '<title>Bridge reopens</title>'), {
      url: 'https://news.example/bridge',
      window,
    });
    expect(undeclared.text).toContain('Another story number 15');
  });
});

describe('extractArticle on a page that declares a list', () => {
  // A chart of films: each card's year, running time and rating are inline siblings that the
  // page's stylesheet sets apart, with no space between them in the markup.
  const film = (i: number): string =>
    `<li class="chart-item"><a href="/title/${i}"><img src="/poster/${i}.jpg" alt=""></a><h3><a href="/title/${i}">Film number ${i} of the season</a></h3><div class="meta"><span>2026</span><span>1h 5${i}m</span><span>PG</span></div><p>A line about film ${i}, its director and its cast.</p></li>`;
  const chart = `${HEADER}<main><h1>Most popular films</h1><ul class="chart">${[1, 2, 3, 4, 5, 6].map(film).join('')}</ul></main>${FOOTER}`;

  it('rebuilds its items as a list, so that the parts of a card read as separate words', () => {
    const result = extractArticle(doc(chart, `${jsonLd('CollectionPage')}<title>Most popular films</title>`), {
      url: 'https://films.example/chart',
      window,
      force: true,
    });
    expect(result.pageType).toBe('list');
    expect(result.text).toContain('Film number 3 of the season');
    expect(result.text).not.toMatch(/20261h|53mPG/);
    expect(result.text).toMatch(/2026\s+1h 53m\s+PG/);
  });
});

describe('wordsToReplacePick', () => {
  const sizes = (declared: PageType | null, pickWords: number, proseInOnePart = true) => ({
    declared,
    pickWords,
    proseInOnePart,
  });

  it("gives a declared article's pick way only to content four times its size that holds the prose in one place", () => {
    // A story of 300 words beside teasers of other stories stays; one item of a list article ("the
    // 20 best…") that Readability took for the whole does not.
    expect(wordsToReplacePick(sizes('article', 300))).toBe(1200);
    // Next to nothing found: twice as much replaces it.
    expect(wordsToReplacePick(sizes('article', 30, false))).toBe(60);
  });

  it('replaces the pick of a declared list or documentation page at twice its size', () => {
    expect(wordsToReplacePick(sizes('list', 300, false))).toBe(600);
    expect(wordsToReplacePick(sizes('documentation', 300))).toBe(600);
  });

  it('replaces the pick of an undeclared page or a product at one and a half times its size', () => {
    // A service page: Readability kept one of its sections, the others sit beside it.
    expect(wordsToReplacePick(sizes(null, 300, false))).toBe(450);
    expect(wordsToReplacePick(sizes('product', 300, false))).toBe(450);
  });

  it('does not read the page again for a declared article whose prose is spread over the whole body', () => {
    expect(wordsToReplacePick(sizes('article', 300, false))).toBe(Number.POSITIVE_INFINITY);
  });
});
