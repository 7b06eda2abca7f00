// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/extract/block-text';
import { extractArticle } from '../../../src/extract/extract-article';
import { isPickLeftOut } from '../../../src/extract/pick-left-out';
import { removeIdentifiers } from '../../../src/extract/product-furniture';
import { removeHeadedSections } from '../../../src/extract/product-sections';

function root(body: string): Element {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><body><div>${body}</div></body></html>`,
    'text/html',
  );
  return doc.body.firstElementChild as Element;
}

const PRODUCT = `<h1>Trail 25 pack</h1><p>A light daypack for long days on the trail, with a ventilated back panel.</p>
  <h2>Specifications</h2><ul><li>Weight: 900 g</li><li>Capacity: 25 litres</li><li>Material: recycled nylon</li></ul>`;

const reviews = (heading: string): string =>
  `<section><h2>${heading}</h2><ol>
    <li><p>Great pack, but the straps chafe on long hikes.</p><time>2 May 2025</time></li>
    <li><p>Roomy enough for a day out, and it kept my lunch dry in the rain.</p><time>9 June 2025</time></li>
  </ol></section>`;

describe('removeHeadedSections', () => {
  it("removes a product's reviews under a reviews heading, in the languages we read, with a count or not", () => {
    for (const heading of [
      'Customer reviews',
      'Reviews (128)',
      'Kundenbewertungen',
      'Avis clients',
      'Opiniones',
      'Recensioni',
      'Beoordelingen',
      'Avaliações',
      'Opinie klientów',
      'Omdömen',
      'Anmeldelser',
    ]) {
      const page = root(PRODUCT + reviews(heading));
      removeHeadedSections(page);
      const text = blockText(page);
      expect(text, heading).not.toContain('straps chafe');
      expect(text).toContain('ventilated back panel');
      expect(text).toContain('Capacity: 25 litres');
    }
  });

  it("removes other products' links under their heading, and keeps the shop's delivery terms", () => {
    const others = `<div><h3>Recently viewed</h3><ul>${[1, 2, 3].map((i) => `<li><a href="/p/${i}">Summit pack number ${i}</a></li>`).join('')}</ul></div>`;
    const terms =
      '<div><h3>Shipping &amp; returns</h3><p>Free delivery on orders over $50. Returns within 30 days.</p></div>';
    const page = root(PRODUCT + others + terms);
    removeHeadedSections(page);
    const text = blockText(page);
    expect(text).not.toContain('Summit pack');
    expect(text).toContain('Free delivery on orders over $50');
    expect(text).toContain('Capacity: 25 litres');
  });

  it('keeps prose under such a heading, a word of running text, and a row of a comparison table', () => {
    const prose = `<h2>Reviews</h2><p>${'Reviewers praised its ventilated back panel and its many pockets on long hikes. '.repeat(5)}</p>`;
    const running = '<p>Our <b>reviews</b> are written by staff who carried the pack for a month.</p>';
    const grid = '<div class="grid"><div class="label">Reviews</div><div>509</div><div>119</div><div>1316</div></div>';
    const page = root(PRODUCT + prose + running + grid);
    removeHeadedSections(page);
    const text = blockText(page);
    expect(text).toContain('Reviewers praised');
    expect(text).toContain('written by staff');
    expect(text).toContain('1316');
  });
});

describe('removeIdentifiers', () => {
  it('removes an identifier alone in an element, not one inside a sentence', () => {
    const page = root(
      '<p>Sponsored<span>303097ac-d3e5-41e1-baf5-303640756ebf</span></p><p>Your order 303097ac-d3e5-41e1-baf5-303640756ebf is on its way.</p>',
    );
    removeIdentifiers(page);
    expect(page.textContent).toBe('SponsoredYour order 303097ac-d3e5-41e1-baf5-303640756ebf is on its way.');
  });
});

describe('isPickLeftOut', () => {
  const review = 'Today my pack arrived, and I must say I am delighted: it sits well on the back and feels well made.';
  it("is true when the pick's longest paragraph is in a section left out by its heading", () => {
    const section = `Reviews Great pack ${review} 2 May 2025`;
    expect(isPickLeftOut(`Short line\n${review}`, [section])).toBe(true);
    // Prose the page's content lost some other way is not known to be a review.
    expect(isPickLeftOut(`Short line\n${review}`, [])).toBe(false);
    expect(isPickLeftOut(`Short line\n${review}`, ['Recently viewed Summit pack'])).toBe(false);
    // A pick of short lines proves nothing either way.
    expect(isPickLeftOut('In stock\nWeight: 900 g', ['In stock Weight: 900 g'])).toBe(false);
  });

  it("reads a product page's content, not a customer's review Readability picked as its longest prose", () => {
    const long = Array.from(
      { length: 6 },
      (_, i) => `<p>${review} Day ${i} of my trip, and still happy with it.</p>`,
    ).join('');
    const html = `<!doctype html><html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail 25 pack"}</script></head>
      <body><main>${PRODUCT}<section><h2>Reviews</h2><div class="review"><time>2 May 2025</time><div class="review-body">${long}</div></div><div class="review"><time>3 May 2025</time><p>Fine.</p></div></section></main></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const result = extractArticle(doc, { url: 'https://shop.example/p/trail-25', window, force: true });
    expect(result.pageType).toBe('product');
    expect(result.text).toContain('ventilated back panel');
    expect(result.text).not.toContain('Today my pack arrived');
  });
});
