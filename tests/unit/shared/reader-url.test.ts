import { describe, expect, it } from 'vitest';
import {
  readContinuesReadAloud,
  readQueueParams,
  savedReaderPathFor,
  withoutReadAloudHandover,
} from '../../../src/shared/reader-url';

const search = (path: string) => path.slice(path.indexOf('?'));

describe('reader addresses with the list they were opened from', () => {
  it('names only what differs from the reading list, newest first', () => {
    expect(savedReaderPathFor('a b')).toBe('reader.html?id=a+b');
    expect(savedReaderPathFor('x', { view: 'all', sort: 'newest', search: '  ', tag: null, site: null })).toBe(
      'reader.html?id=x',
    );
  });

  it('carries the view, tag, site, search and sort there and back', () => {
    const queue = {
      view: 'unread',
      tag: 'long reads',
      site: 'news.example',
      search: 'ferry & sound',
      sort: 'title',
    } as const;
    const path = savedReaderPathFor('x', queue);
    expect(path).toBe('reader.html?id=x&view=unread&tag=long+reads&site=news.example&q=ferry+%26+sound&sort=title');
    expect(readQueueParams(search(path))).toEqual(queue);
    expect(readQueueParams('?id=x')).toEqual({ view: 'all', sort: 'newest', tag: null, site: null });
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(readQueueParams('?view=trash&sort=random&tag=')).toEqual({
      view: 'all',
      sort: 'newest',
      tag: null,
      site: null,
    });
    expect(readQueueParams(`?q=${'x'.repeat(201)}`).search).toBeUndefined();
  });

  it('marks the hand-over of read aloud, and drops it again', () => {
    const path = savedReaderPathFor('x', { view: 'favorites' }, { continuesReadAloud: true });
    expect(readContinuesReadAloud(search(path))).toBe(true);
    expect(readContinuesReadAloud('?id=x')).toBe(false);
    expect(withoutReadAloudHandover(search(path))).toBe('?id=x&view=favorites');
    expect(withoutReadAloudHandover('?continue=read-aloud')).toBe('');
  });
});
