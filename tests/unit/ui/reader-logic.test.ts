import { describe, expect, it } from 'vitest';
import { SHORTCUTS, commandForKey, type ReaderCommand } from '../../../src/ui/reader/keymap';
import {
  adjacentHeading,
  blockAtLine,
  currentSection,
  isSamePosition,
  readingProgress,
} from '../../../src/ui/reader/reading-position';
import messages from '../../../src/_locales/en/messages.json';

const ALL = new Set<ReaderCommand>(SHORTCUTS.map((s) => s.command));
const key = (
  k: string,
  extra: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean; target: unknown }> = {},
) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: null,
    ...extra,
  }) as Parameters<typeof commandForKey>[0];

describe('reader keymap', () => {
  it('maps single keys to commands, case-insensitively', () => {
    expect(commandForKey(key('+'), ALL)).toBe('font-larger');
    expect(commandForKey(key('='), ALL)).toBe('font-larger');
    expect(commandForKey(key('-'), ALL)).toBe('font-smaller');
    expect(commandForKey(key('T'), ALL)).toBe('next-theme');
    expect(commandForKey(key('j'), ALL)).toBe('next-heading');
    expect(commandForKey(key('k'), ALL)).toBe('previous-heading');
    expect(commandForKey(key('?'), ALL)).toBe('show-shortcuts');
    expect(commandForKey(key('b'), ALL)).toBe('back-to-original');
    expect(commandForKey(key('x'), ALL)).toBeNull();
  });

  it('leaves modified keys to the browser and typing in fields alone', () => {
    expect(commandForKey(key('t', { ctrlKey: true }), ALL)).toBeNull();
    expect(commandForKey(key('t', { altKey: true }), ALL)).toBeNull();
    expect(commandForKey(key('t', { metaKey: true }), ALL)).toBeNull();
    const input = { closest: (s: string) => (s.includes('input') ? {} : null), isContentEditable: false };
    expect(commandForKey(key('t', { target: input }), ALL)).toBeNull();
  });

  it('ignores commands that are not available on the page', () => {
    expect(commandForKey(key('s'), new Set(['font-larger']))).toBeNull();
    expect(commandForKey(key('b'), new Set(['font-larger']))).toBeNull();
  });

  it('takes Shift for an upper-case key: Shift+N is the next article, n (either case) a note', () => {
    expect(commandForKey(key('N', { shiftKey: true }), ALL)).toBe('next-article');
    expect(commandForKey(key('n'), ALL)).toBe('add-note');
    // Caps Lock on: the letter comes in upper case without Shift.
    expect(commandForKey(key('N'), ALL)).toBe('add-note');
    // Where there is no next article (a live tab), Shift+N is still a note, as it always was.
    expect(commandForKey(key('N', { shiftKey: true }), new Set<ReaderCommand>(['add-note']))).toBe('add-note');
    expect(commandForKey(key('T', { shiftKey: true }), ALL)).toBe('next-theme');
    expect(commandForKey(key('?', { shiftKey: true }), ALL)).toBe('show-shortcuts');
  });

  it('has no key bound twice and a described message for every shortcut', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(messages[s.label].message).toBeTruthy();
  });
});

describe('reading position', () => {
  it('computes progress through the page', () => {
    expect(readingProgress(0, 3000, 1000)).toBe(0);
    expect(readingProgress(1000, 3000, 1000)).toBe(50);
    expect(readingProgress(2000, 3000, 1000)).toBe(100);
    expect(readingProgress(0, 800, 1000)).toBe(100);
  });

  it('finds the next and previous heading relative to the bar', () => {
    const tops = [-500, -20, 96, 400, 1200];
    expect(adjacentHeading(tops, 1, 96)).toBe(3);
    expect(adjacentHeading(tops, -1, 96)).toBe(1);
    expect(adjacentHeading([-10, -5], 1, 96)).toBeNull();
    expect(adjacentHeading([200, 400], -1, 96)).toBeNull();
  });

  it('names the section being read', () => {
    expect(currentSection([-300, 50, 500], 120)).toBe(1);
    expect(currentSection([300, 500], 120)).toBeNull();
  });
});

describe('saved reading position', () => {
  it('is the first block still showing below the reading line', () => {
    expect(blockAtLine([-300, -20, 40, 400], 60)).toBe(3);
    expect(blockAtLine([-300, -20, 70, 400], 60)).toBe(2);
    expect(blockAtLine([-300, 80], 60)).toBe(1);
    expect(blockAtLine([-300, -100], 60)).toBeNull();
    expect(blockAtLine([], 60)).toBeNull();
  });

  it('counts as moved only when the block or the progress changes', () => {
    expect(isSamePosition({ progress: 0.5, block: 3 }, { progress: 0.501, block: 3 })).toBe(true);
    expect(isSamePosition({ progress: 0.5, block: 3 }, { progress: 0.5, block: 4 })).toBe(false);
    expect(isSamePosition({ progress: 0.5 }, { progress: 0.6 })).toBe(false);
    expect(isSamePosition(null, { progress: 0 })).toBe(false);
    expect(isSamePosition(null, null)).toBe(true);
  });
});
