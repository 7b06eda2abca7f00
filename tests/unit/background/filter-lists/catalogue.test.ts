import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILTER_LISTS, originOf, urlOf } from '../../../../src/background/filter-lists/catalogue';

describe('filter list catalogue', () => {
  it('offers the four lists, each on a host the manifest may ask for', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { optional_host_permissions: string[] };
    expect(FILTER_LISTS.map((l) => l.id)).toEqual([
      'fanboy-annoyance',
      'fanboy-social',
      'fanboy-newsletter',
      'adguard-annoyances',
    ]);
    for (const list of FILTER_LISTS) {
      expect(list.url.startsWith('https://')).toBe(true);
      expect(manifest.optional_host_permissions).toContain(originOf(list.url));
    }
  });

  it('lets a test point a list at 127.0.0.1 only', () => {
    const list = FILTER_LISTS[0]!;
    expect(urlOf(list, { [list.id]: 'http://127.0.0.1:8080/list.txt' })).toBe('http://127.0.0.1:8080/list.txt');
    expect(urlOf(list, { [list.id]: 'https://evil.example/list.txt' })).toBe(list.url);
    expect(urlOf(list, { [list.id]: 42 })).toBe(list.url);
  });
});
