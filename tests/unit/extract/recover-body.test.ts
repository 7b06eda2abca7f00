// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { declaredBlocks, recoverFromDeclaredBody } from '../../../src/extract/recover-body';
import { blockText } from '../../../src/extract/block-text';
import { createInertDocument } from '../../../src/extract/inert-document';

const BLOCKS = [
  'The harbour ferry will stop running at midnight from next month, the transport authority said on Monday.',
  'Night workers who cross the water after their shifts say the bus around the bay takes three times as long.',
  'The authority blames a shortage of licensed skippers, and says the cut is temporary until training catches up.',
  'A petition to keep the late crossings has gathered four thousand signatures in a week, mostly from islanders.',
  'Councillors will debate the petition in June, after the authority presents its figures on passenger numbers.',
  'The last time the night service was cut, in 2009, it was restored within a year after similar protests.',
  'Skippers need two years of training and a commercial licence, and the only course in the region has ten places.',
  'The authority says it will pay for twelve more places this autumn and hopes to restore the service by spring.',
];

/** The inert copy the engine's pick lives in. */
const copy = createInertDocument(document);

function article(html: string): Element {
  const div = copy.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('recoverFromDeclaredBody', () => {
  it('appends the declared blocks a truncated pick misses, in order', () => {
    const pick = article(
      BLOCKS.slice(0, 4)
        .map((b) => `<p>${b}</p>`)
        .join(''),
    );
    expect(recoverFromDeclaredBody(copy, pick, BLOCKS.join('\n\n'), blockText(pick))).toBe('appended');
    expect(blockText(pick)).toBe(BLOCKS.join('\n\n'));
  });

  it('replaces a pick that shares nothing with the declared body', () => {
    const pick = article(
      '<p>Most read: one, two, three. Sign up for our newsletter to get the best stories every day.</p>',
    );
    expect(recoverFromDeclaredBody(copy, pick, BLOCKS.join('\n'), blockText(pick))).toBe('replaced');
    expect(blockText(pick)).toBe(BLOCKS.join('\n\n'));
  });

  it('trusts neither a declared body that is itself truncated nor one the pick already has', () => {
    const pick = article(BLOCKS.map((b) => `<p>${b}</p>`).join(''));
    const before = pick.innerHTML;
    expect(recoverFromDeclaredBody(copy, pick, BLOCKS.join('\n\n'), blockText(pick))).toBe('none');
    expect(recoverFromDeclaredBody(copy, pick, `${BLOCKS.slice(0, 6).join(' ')}…`, blockText(pick))).toBe('none');
    expect(recoverFromDeclaredBody(copy, pick, null, blockText(pick))).toBe('none');
    expect(pick.innerHTML).toBe(before);
  });

  it('reads a declared body given as HTML without running it', () => {
    expect(declaredBlocks('<p>One</p><p>Two <img src=x onerror="globalThis.ran = true"></p>', copy)).toEqual([
      'One',
      'Two',
    ]);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });
});
