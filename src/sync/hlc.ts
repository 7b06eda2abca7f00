/**
 * Hybrid logical clock stamps. A stamp is a string that sorts as it compares: wall-clock
 * milliseconds (15 digits), a counter (4 base-36 digits) for events within one millisecond or
 * behind a clock that ran ahead, and the id of the replica that made it, which breaks ties. Two
 * stamps made by different replicas are never equal, so "the later stamp wins" is a total order
 * every replica agrees on.
 */
export type Stamp = string;

/** Sorts before every stamp a replica makes: a field no one has set yet. */
export const ZERO_STAMP: Stamp = `${'0'.repeat(15)}.0000.`;

const STAMP_PATTERN = /^(\d{15})\.([0-9a-z]{4})\.([A-Za-z0-9_-]{0,64})$/;
const MAX_COUNTER = 36 ** 4 - 1;

interface StampParts {
  wall: number;
  counter: number;
  node: string;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value);
}

function parse(stamp: Stamp): StampParts {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

function format({ wall, counter, node }: StampParts): Stamp {
  return `${String(wall).padStart(15, '0')}.${counter.toString(36).padStart(4, '0')}.${node}`;
}

/** The wall-clock time a stamp was made at, in epoch milliseconds. */
export function wallOf(stamp: Stamp): number {
  return parse(stamp).wall;
}

export function maxStamp(...stamps: (Stamp | null | undefined)[]): Stamp {
  let best = ZERO_STAMP;
  for (const s of stamps) if (s && s > best) best = s;
  return best;
}

/**
 * A stamp for an edit made at `physical` by `node` that replaced a value stamped `after`: later
 * than `after` whatever the clocks say (the edit saw that value), and otherwise as close to the
 * time of the edit as the clock allows.
 */
export function stampAfter(after: Stamp, physical: number, node: string): Stamp {
  const prev = parse(after);
  const wall = Math.max(Math.floor(physical), prev.wall);
  const counter = wall === prev.wall ? prev.counter + 1 : 0;
  if (counter > MAX_COUNTER) return format({ wall: wall + 1, counter: 0, node });
  return format({ wall, counter, node });
}

/**
 * A replica's clock. Causality is kept per value: an edit's stamp is later than the stamp of the
 * value it replaced (and a deletion's later than every stamp of the article it saw), whatever the
 * wall clocks say; otherwise stamps follow the time of the edit, so that offline edits compare by
 * when they were made, not by when they were synced.
 */
export interface Clock {
  readonly node: string;
  /** A stamp for an edit made at `physical` (default: now) that replaced a value stamped `after`. */
  stamp(after?: Stamp, physical?: number): Stamp;
}

export function createClock(node: string, now: () => number): Clock {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(node)) throw new Error(`Not a replica id: ${node}`);
  return { node, stamp: (after = ZERO_STAMP, physical = now()) => stampAfter(after, physical, node) };
}
