// @vitest-environment jsdom
/**
 * The picker's keyboard flow and its guard. jsdom has no layout, so `elementFromPoint` (what the
 * pointer is over) is the one part given by the test.
 */
import { describe, expect, it, vi } from 'vitest';
import { startElementPicker, type PickerTexts } from '../../../src/content/clutter/element-picker';
import type { PickOutcome } from '../../../src/shared/clutter-types';
import { loadFixture, parseFixture } from '../support/fixtures';

const TEXTS: PickerTexts = {
  instructions: 'instructions',
  refusedArticle: 'refused article',
  refusedPage: 'refused page',
  saved: 'saved',
  cancel: 'Cancel',
  hide: 'Hide it',
};

function setUp(pointedAt: string) {
  const doc = parseFixture(loadFixture('magazine-seed'));
  const view = doc.defaultView!;
  doc.elementFromPoint = () => doc.querySelector(pointedAt);
  const save = vi.fn(async (selector: string): Promise<PickOutcome> => ({ status: 'saved', selector, count: 1 }));
  const onDone = vi.fn();
  startElementPicker(doc, { anchor: doc.querySelector('.entry-content'), texts: TEXTS, save, onDone });
  const press = (key: string) => view.dispatchEvent(new view.KeyboardEvent('keydown', { key, cancelable: true }));
  return { doc, save, onDone, press };
}

describe('element picker', () => {
  it('saves a selector for the element under the pointer on Enter', async () => {
    const { save, press } = setUp('.author-box p');
    press('Enter');
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('div.author-box > p:nth-of-type(1)'));
  });

  it('widens with ArrowUp and narrows back with ArrowDown', async () => {
    const { save, press } = setUp('.author-box p');
    press('ArrowUp');
    press('ArrowUp');
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() => expect(save).toHaveBeenCalledWith('div.author-box'));
  });

  it('refuses the article body, anything around it, and the page; Esc cancels and leaves no trace', async () => {
    const { doc, save, onDone, press } = setUp('.entry-content');
    const before = doc.documentElement.children.length;
    press('Enter');
    press('ArrowUp');
    press('Enter');
    for (let i = 0; i < 10; i++) press('ArrowUp');
    press('Enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(save).not.toHaveBeenCalled();
    press('Escape');
    expect(onDone).toHaveBeenCalledWith({ status: 'cancelled' });
    expect(doc.documentElement.children.length).toBe(before - 1);
  });
});
