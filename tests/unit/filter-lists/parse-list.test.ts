import { describe, expect, it } from 'vitest';
import { createListMatcher } from '../../../src/filter-lists/list-engine';
import { keepPlainHideRules } from '../../../src/filter-lists/parse-list';

const LIST = `[Adblock Plus 2.0]
! Title: A small list
! A comment line
##.newsletter-box
##.social-share-bar
##div[id^="promo-"]
##a[href^="https://shop.example/"]
##.x{}body{display:none}
example.com##.site-nag
example.com,~sub.example.com##.nag-two
example.com#@#.newsletter-box
##+js(abort-on-property-read, foo)
example.com##+js(set-constant, x, 1)
##.foo:has-text(Subscribe)
example.com##.bar:-abp-has(.baz)
#?#.c:-abp-contains(Sign up)
##.a:upward(2)
example.com##.b:remove()
example.com##.qux:style(color: red !important)
example.com##^script:has-text(ads)
||ads.example.com^
@@||example.com^$elemhide
`;

describe('filter list parsing', () => {
  it('keeps only plain element hiding rules and their exceptions', () => {
    const kept = keepPlainHideRules(LIST);
    expect(kept.lines).toEqual([
      '##.newsletter-box',
      '##.social-share-bar',
      '##div[id^="promo-"]',
      '##a[href^="https://shop.example/"]',
      'example.com##.site-nag',
      'example.com,~sub.example.com##.nag-two',
      'example.com#@#.newsletter-box',
    ]);
    expect(kept.hides).toBe(6);
  });

  it('matches generic rules by the page tokens, host rules by host, and honours exceptions', () => {
    const matcher = createListMatcher([keepPlainHideRules(LIST).lines.join('\n')]);
    const page = {
      classes: ['newsletter-box', 'social-share-bar', 'site-nag', 'nag-two', 'qux', 'b'],
      ids: ['promo-1'],
      hrefs: ['https://shop.example/deal'],
      hostRules: true,
    };
    const onExample = matcher.selectorsFor({ ...page, url: 'https://www.example.com/a', hostname: 'www.example.com' });
    expect(onExample.sort()).toEqual(
      ['.social-share-bar', 'a[href^="https://shop.example/"]', '.site-nag', '.nag-two'].sort(),
    );
    const onSub = matcher.selectorsFor({ ...page, url: 'https://sub.example.com/', hostname: 'sub.example.com' });
    expect(onSub).toContain('.site-nag');
    expect(onSub).not.toContain('.nag-two');
    const elsewhere = matcher.selectorsFor({ ...page, url: 'https://other.org/', hostname: 'other.org' });
    expect(elsewhere.sort()).toEqual(
      ['.newsletter-box', '.social-share-bar', 'a[href^="https://shop.example/"]'].sort(),
    );
  });

  it('asks for host rules only when told, and for generic rules only by tokens the page holds', () => {
    const matcher = createListMatcher([keepPlainHideRules(LIST).lines.join('\n')]);
    const base = { url: 'https://example.com/', hostname: 'example.com', ids: [], hrefs: [] };
    expect(matcher.selectorsFor({ ...base, classes: ['social-share-bar'], hostRules: false })).toEqual([
      '.social-share-bar',
    ]);
    expect(matcher.selectorsFor({ ...base, classes: [], hostRules: false })).toEqual([]);
  });
});
