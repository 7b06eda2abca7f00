import { describe, expect, it } from 'vitest';
import { anchorAll, anchorSpan, describeSpan, trimSpan } from '../../../src/highlights/anchor-text';
import type { TextSpan } from '../../../src/highlights/types';
import { destructiveEdits, survivableEdits } from './edits';

function spanOf(text: string, phrase: string, occurrence = 0): TextSpan {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at === -1) throw new Error(`"${phrase}" not in the text`);
  return { start: at, end: at + phrase.length };
}

function describePhrase(text: string, phrase: string, occurrence = 0) {
  const { start, end } = spanOf(text, phrase, occurrence);
  return describeSpan(text, start, end);
}

/** Whether `actual` is the passage `expected` names: the same, or nearly (an edit inside it). */
function isSamePassage(actual: TextSpan, expected: TextSpan): boolean {
  const overlap = Math.min(actual.end, expected.end) - Math.max(actual.start, expected.start);
  return overlap >= 0.8 * Math.max(actual.end - actual.start, expected.end - expected.start);
}

describe('describing a passage', () => {
  it('keeps the quote, up to 32 characters of context each side, and the offsets', () => {
    const text = 'One two three. The ferries would run again. Four five six.';
    expect(describePhrase(text, 'The ferries')).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'The ferries',
        prefix: 'One two three. ',
        suffix: ' would run again. Four five six.',
      },
      position: { type: 'TextPositionSelector', start: 15, end: 26 },
    });
  });

  it('trims the white space a selection dragged along, and refuses a blank one', () => {
    expect(trimSpan('a  \n word \n b', 1, 11)).toEqual({ start: 5, end: 9 });
    expect(trimSpan('a  \n b', 1, 5)).toBeNull();
  });
});

describe('anchoring a passage again', () => {
  const text =
    'The port closed. The ferries would run again, the council said. Then it rained. The ferries would run again, the captain said.';

  it('finds an unchanged passage at its position', () => {
    const selectors = describePhrase(text, 'would run again, the captain');
    expect(anchorSpan(text, selectors)).toEqual(spanOf(text, 'would run again, the captain'));
  });

  it('tells repeated phrases apart by their context, wherever the position now points', () => {
    const first = describePhrase(text, 'The ferries would run again', 0);
    const second = describePhrase(text, 'The ferries would run again', 1);
    const edited = `A new first sentence that moves everything. ${text}`;
    const shift = 'A new first sentence that moves everything. '.length;
    expect(anchorSpan(edited, first)).toEqual({ start: first.position.start + shift, end: first.position.end + shift });
    expect(anchorSpan(edited, second)).toEqual({
      start: second.position.start + shift,
      end: second.position.end + shift,
    });
    // With the sentences reordered, the position is a lie and the context decides.
    const reordered =
      'Then it rained. The ferries would run again, the captain said. The port closed. The ferries would run again, the council said.';
    expect(anchorSpan(reordered, first)).toEqual(spanOf(reordered, 'The ferries would run again', 1));
    expect(anchorSpan(reordered, second)).toEqual(spanOf(reordered, 'The ferries would run again', 0));
  });

  it('leaves a passage that is gone orphaned rather than placing it on a look-alike', () => {
    const selectors = describePhrase(text, 'Then it rained.');
    expect(anchorSpan(text.replace('Then it rained. ', ''), selectors)).toBeNull();
    expect(anchorSpan('Something else entirely, about gardens and frost in winter.', selectors)).toBeNull();
  });

  it('does not place a short phrase whose context is gone', () => {
    const selectors = describePhrase(text, 'port');
    expect(anchorSpan('Another port entirely, in another story about other things.', selectors)).toBeNull();
  });

  it('anchors right-to-left text (Arabic, Hebrew) by its logical order', () => {
    const arabic = 'قال المجلس يوم الاثنين إن العبارات ستعود. وأصلح الصيادون الشباك بينما فحص المهندسون الرصيف.';
    const selectors = describePhrase(arabic, 'وأصلح الصيادون الشباك');
    expect(anchorSpan(arabic, selectors)).toEqual(spanOf(arabic, 'وأصلح الصيادون الشباك'));
    const hebrew = 'המועצה אמרה ביום שני שהמעבורות יחזרו לפעול. הדייגים תיקנו רשתות.';
    const moved = `פסקה חדשה בהתחלה. ${hebrew}`;
    expect(anchorSpan(moved, describePhrase(hebrew, 'הדייגים תיקנו רשתות'))).toEqual(
      spanOf(moved, 'הדייגים תיקנו רשתות'),
    );
  });

  it('anchors Chinese and Japanese text, which has no spaces between words', () => {
    const chinese = '港口委员会周一表示，暴风雨过后渡轮将恢复运行。渔民们修补渔网，工程师检查码头。渡轮将恢复运行。';
    const selectors = describePhrase(chinese, '渡轮将恢复运行', 1);
    const edited = `新的一段。${chinese.replace('工程师', '技术人员')}`;
    expect(anchorSpan(edited, selectors)).toEqual(spanOf(edited, '渡轮将恢复运行', 1));
    const japanese = '港の評議会は月曜日、嵐の後にフェリーが再開すると述べた。漁師は網を繕った。';
    const jp = describePhrase(japanese, '漁師は網を繕った');
    expect(anchorSpan(`前書き。${japanese}`, jp)).toEqual(spanOf(`前書き。${japanese}`, '漁師は網を繕った'));
  });

  it('keeps combining characters with their letters', () => {
    // "é" as e + U+0301 and "ñ" as n + U+0303: offsets count code units, the quote keeps them whole.
    const text = 'Le cafe\u0301 de la plaza. El nin\u0303o leyo\u0301 el perio\u0301dico en voz alta.';
    const selectors = describePhrase(text, 'nin\u0303o leyo\u0301');
    expect(selectors.quote.exact).toBe('nin\u0303o leyo\u0301');
    expect(anchorSpan(`Nueva frase. ${text}`, selectors)).toEqual(
      spanOf(`Nueva frase. ${text}`, 'nin\u0303o leyo\u0301'),
    );
    // Precomposed in the new copy (the page normalised its text): found approximately.
    const composed = `Nueva frase. ${text}`.normalize('NFC');
    const found = anchorSpan(composed, selectors);
    expect(found && composed.slice(found.start, found.end).normalize('NFD')).toContain('leyo\u0301');
  });

  it('lists highlights in reading order and keeps the orphaned apart', () => {
    const a = { id: 'a', ...describePhrase(text, 'Then it rained.') };
    const b = { id: 'b', ...describePhrase(text, 'The port closed.') };
    const c = { id: 'c', ...describeSpan('Something that is not there at all.', 0, 30) };
    const result = anchorAll(text, [a, c, b]);
    expect(result.anchored.map((x) => x.highlight.id)).toEqual(['b', 'a']);
    expect(result.orphaned.map((x) => x.id)).toEqual(['c']);
  });
});

describe('a generated set of 200 re-saves', () => {
  it('re-anchors at least 95% of the passages that survive, orphans the rest and misplaces none', () => {
    const cases = survivableEdits(200);
    expect(cases).toHaveLength(200);
    const misplaced: string[] = [];
    let anchored = 0;
    for (const c of cases) {
      const span = anchorSpan(c.after, c.selectors);
      if (!span) continue;
      if (isSamePassage(span, c.expected!)) anchored++;
      else misplaced.push(c.name);
    }
    expect(misplaced).toEqual([]);
    console.info(`re-anchored ${anchored}/200 (${((anchored / 200) * 100).toFixed(1)}%)`);
    expect(anchored / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  it('orphans every passage that a re-save removed or rewrote', () => {
    const cases = destructiveEdits(100);
    const placed = cases.filter((c) => anchorSpan(c.after, c.selectors) !== null).map((c) => c.name);
    expect(placed).toEqual([]);
  });
});
