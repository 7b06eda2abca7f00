import { describe, expect, it } from 'vitest';
import { describeRestriction } from '../../../src/shared/restricted-pages';

describe('describeRestriction', () => {
  it.each([
    'chrome://settings/',
    'about:addons',
    'https://chromewebstore.google.com/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/',
    'chrome-extension://abcdef/popup.html',
    'view-source:https://example.com/',
  ])('always refuses %s', (url) => {
    expect(describeRestriction(url, true)).toEqual(expect.any(String));
  });

  it('explains local files and PDFs only after a failure', () => {
    expect(describeRestriction('file:///home/me/a.html', true)).toBeNull();
    expect(describeRestriction('file:///home/me/a.html')).toBe('local-file');
    expect(describeRestriction('https://example.com/report.PDF')).toBe('pdf');
  });

  it('lets ordinary pages through', () => {
    expect(describeRestriction('https://example.com/news/story')).toBeNull();
    expect(describeRestriction('not a url')).toBeNull();
  });
});
