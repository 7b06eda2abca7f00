import { describe, expect, it } from 'vitest';
import { createClock, isStamp, maxStamp, stampAfter, wallOf, ZERO_STAMP } from '../../../src/sync/hlc';

describe('hybrid logical clock stamps', () => {
  it('sort by wall time, then counter, then replica', () => {
    const a = stampAfter(ZERO_STAMP, 1000, 'a');
    const b = stampAfter(ZERO_STAMP, 1000, 'b');
    const later = stampAfter(ZERO_STAMP, 1001, 'a');
    expect(a < b).toBe(true);
    expect(b < later).toBe(true);
    expect(wallOf(later)).toBe(1001);
    expect(isStamp(a)).toBe(true);
    expect(isStamp('1000')).toBe(false);
  });

  it('an edit is later than the value it replaced even when its clock is behind', () => {
    const ahead = stampAfter(ZERO_STAMP, 5_000_000, 'fast');
    const edit = createClock('slow', () => 1_000).stamp(ahead);
    expect(edit > ahead).toBe(true);
    expect(wallOf(edit)).toBe(5_000_000);
  });

  it('an offline edit keeps the time it was made', () => {
    const clock = createClock('laptop', () => 9_000);
    const stamp = clock.stamp(stampAfter(ZERO_STAMP, 1_000, 'desk'), 4_000);
    expect(wallOf(stamp)).toBe(4_000);
  });

  it('counts within one millisecond and carries into the next', () => {
    const full = '000000000000007.zzzz.n';
    expect(isStamp(full)).toBe(true);
    const s = stampAfter(full, 7, 'n');
    expect(wallOf(s)).toBe(8);
    expect(s > full).toBe(true);
    expect(maxStamp(ZERO_STAMP, s, null)).toBe(s);
  });

  it('refuses a replica id that would break the order', () => {
    expect(() => createClock('a.b', () => 0)).toThrow();
  });
});
