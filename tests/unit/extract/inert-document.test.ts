// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cloneInert, createInertDocument, writeInertHtml } from '../../../src/extract/inert-document';
import { fixLazyImages } from '../../../src/extract/lazy-images';

describe('the inert copy', () => {
  it('has no window, whether made new or cloned', () => {
    expect(createInertDocument(document).defaultView).toBeNull();
    expect(cloneInert(document).defaultView).toBeNull();
  });

  it('is where HTML from the page is parsed, and nowhere else', () => {
    const copy = createInertDocument(document);
    const holder = copy.createElement('div');
    writeInertHtml(copy, holder, '<p>One</p>');
    expect(holder.textContent).toBe('One');
    expect(() => writeInertHtml(copy, document.createElement('div'), '<img src=x>')).toThrow(/inert copy/);
  });

  it('is what fixLazyImages works on: an element of the live page is refused', () => {
    const copy = createInertDocument(document);
    const live = document.createElement('div');
    live.innerHTML = '<noscript><img src="/real.png"></noscript>';
    expect(() => fixLazyImages(copy, live)).toThrow(/inert copy/);
  });
});
