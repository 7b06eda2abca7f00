// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { removeRepeatedBlocks } from '../../../src/extract/repeated-blocks';

function root(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

const para = (n: number): string =>
  `<p>Paragraph ${n} of the piece says something long enough to count as a block of its own.</p>`;

describe('removeRepeatedBlocks', () => {
  it('leaves out the second copy of content drawn twice (a wide and a narrow layout)', () => {
    const copy = [1, 2, 3].map(para).join('');
    const el = root(
      `<div class="wide"><h2>Price guide for the whole season that lies ahead</h2>${copy}</div><div class="narrow"><h2>Price guide for the whole season that lies ahead</h2>${copy}</div><p>Only once: a closing paragraph that sits after both copies.</p>`,
    );
    expect(removeRepeatedBlocks(el)).toBe(4);
    expect(el.querySelector('.wide')?.querySelectorAll('p')).toHaveLength(3);
    expect(el.querySelector('.narrow')?.textContent).toBe('');
    expect(el.textContent).toContain('Only once');
  });

  it('keeps a refrain and short repeated controls when the repeats are a small part of the text', () => {
    const chorus = '<p>And we sing the same refrain again, as the night comes down the hill.</p>';
    const verses = [1, 2, 3, 4, 5, 6, 7, 8].map(para).join('');
    const el = root(`${verses}${chorus}${chorus}<p>Add to cart</p><p>Add to cart</p>`);
    expect(removeRepeatedBlocks(el)).toBe(0);
    expect(el.querySelectorAll('p')).toHaveLength(12);
  });

  it('keeps a line that every item of a list repeats: a line is not a copy of a passage', () => {
    const note = '<p>Not valid with other offers or coupons, some restrictions may apply.</p>';
    const items = [1, 2, 3, 4].map((n) => `<li><h3>Coupon ${n}</h3>${para(n)}${note}</li>`).join('');
    const el = root(`<ul>${items}</ul>`);
    expect(removeRepeatedBlocks(el)).toBe(0);
    expect(el.textContent?.match(/Not valid/g)).toHaveLength(4);
  });

  it('keeps the steps each tab panel repeats (a guide for several programming languages)', () => {
    const steps = [1, 2, 3].map(para).join('');
    const panel = (lang: string) =>
      `<div role="tabpanel"><pre>run ${lang} with the credentials set as environment variables</pre>${steps}</div>`;
    const el = root(`<div role="tablist"></div>${panel('node')}${panel('python')}${panel('java')}`);
    expect(removeRepeatedBlocks(el)).toBe(0);
    expect(el.querySelectorAll('p')).toHaveLength(9);
  });
});
