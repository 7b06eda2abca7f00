import { describe, expect, it } from 'vitest';
import { isFreshLoad, navigationKindOf } from '../../../src/shared/navigation-kind';
import { autoReaderPathFor, readPageParam } from '../../../src/shared/reader-url';

const timing = (type?: string) => ({
  getEntriesByType: (kind: string) => (kind === 'navigation' && type ? [{ type } as unknown as PerformanceEntry] : []),
});

describe('how a page came to be loaded', () => {
  it('reads the navigation entry, and nothing it does not know', () => {
    expect(navigationKindOf(timing('navigate'))).toBe('navigate');
    expect(navigationKindOf(timing('back_forward'))).toBe('back_forward');
    expect(navigationKindOf(timing('something-new'))).toBeUndefined();
    expect(navigationKindOf(timing())).toBeUndefined();
  });

  it('lets the reader take over only a link followed or an address typed (shown after prerendering too)', () => {
    expect(isFreshLoad('navigate')).toBe(true);
    expect(isFreshLoad('prerender')).toBe(true);
    expect(isFreshLoad('reload')).toBe(false);
    expect(isFreshLoad('back_forward')).toBe(false);
    expect(isFreshLoad(undefined)).toBe(false);
  });
});

describe('the address of a reader that took a page’s place', () => {
  it('carries the page’s address there and back, web pages only', () => {
    const page = 'https://news.example/a?x=1&y=2#top';
    const path = autoReaderPathFor(page);
    expect(path).toBe('reader.html?page=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top');
    expect(readPageParam(path.slice(path.indexOf('?')))).toBe(page);
    expect(readPageParam('?page=javascript%3Aalert(1)')).toBeNull();
    expect(readPageParam('?page=not%20an%20address')).toBeNull();
    expect(readPageParam('?tabId=3')).toBeNull();
  });
});
