// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { robustSelector } from '../../../src/clutter';

function pageWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('robustSelector', () => {
  it('prefers a stable id, then stable class names', () => {
    const doc = pageWith('<div id="promo-box"></div><aside class="promo widget is-open"></aside><aside></aside>');
    expect(robustSelector(doc.querySelector('#promo-box')!)).toBe('#promo-box');
    expect(robustSelector(doc.querySelector('aside.promo')!)).toBe('aside.promo.widget');
  });

  it('avoids generated ids and class names, stepping down from a named ancestor', () => {
    const doc = pageWith(
      '<div class="sidebar"><div id="ad-83412"></div><div class="css-1x2y3z sc-AbCdE"><span>x</span></div></div>',
    );
    const generated = doc.querySelector('.css-1x2y3z')!;
    const selector = robustSelector(generated)!;
    expect(selector).toBe('div.sidebar > div:nth-of-type(2)');
    expect(Array.from(doc.querySelectorAll(selector))).toEqual([generated]);
    expect(robustSelector(doc.querySelector('#ad-83412')!)).toBe('div.sidebar > div:nth-of-type(1)');
  });

  it('always names exactly the element, and never the page itself', () => {
    const doc = pageWith('<section><p>a</p><p>b</p></section><section><p>c</p></section>');
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      const selector = robustSelector(el);
      expect(selector, el.outerHTML).not.toBeNull();
      expect(Array.from(doc.querySelectorAll(selector!))).toEqual([el]);
    }
    expect(robustSelector(doc.body)).toBeNull();
    expect(robustSelector(doc.documentElement)).toBeNull();
  });
});
