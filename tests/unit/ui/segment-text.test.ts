// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findBlocks, rangeOf, splitSentences } from '../../../src/ui/speech/segment-text';
import { chooseVoice, primaryLanguage } from '../../../src/ui/speech/choose-voice';
import { VOICES } from './fake-speech';

describe('splitSentences', () => {
  it('finds sentences with their offsets in the text', () => {
    const text = '  Dr. Smith arrived. Was it late?  Yes!';
    const sentences = splitSentences(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual(['Dr. Smith arrived.', 'Was it late?', 'Yes!']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('survives an invalid language tag', () => {
    expect(splitSentences('One. Two.', 'not a tag!!').length).toBe(2);
  });
});

describe('findBlocks and rangeOf', () => {
  it('lists the innermost readable blocks in order and maps a sentence onto the DOM across inline elements', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>Intro <em>with emphasis.</em> Next <a href="#">linked</a> one.</p><blockquote><p>Quoted.</p></blockquote><ul><li>Item</li></ul><div> </div>';
    const blocks = findBlocks(root);
    expect(blocks.map((b) => b.textContent)).toEqual(['Intro with emphasis. Next linked one.', 'Quoted.', 'Item']);
    const first = blocks[0]!;
    const [one, two] = splitSentences(first.textContent ?? '', 'en');
    expect(rangeOf(first, one!.start, one!.end)?.toString()).toBe('Intro with emphasis.');
    expect(rangeOf(first, two!.start, two!.end)?.toString()).toBe('Next linked one.');
    expect(rangeOf(first, 0, 999)).toBeNull();
  });
});

describe('chooseVoice', () => {
  it('prefers the user’s choice, then the exact region, then the default', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(chooseVoice(VOICES, 'en-GB', undefined)?.uri).toBe('en-gb-1');
    expect(chooseVoice(VOICES, 'en', undefined)?.uri).toBe('en-us-1');
    expect(chooseVoice(VOICES, 'en-GB', 'en-us-1')?.uri).toBe('en-us-1');
    expect(chooseVoice(VOICES, 'en-GB', 'fr-1')?.uri).toBe('en-gb-1');
    expect(chooseVoice(VOICES, 'de', undefined)).toBeNull();
  });
});
