import type { ClutterCategory } from '../clutter';
import type { RemovedCounts } from './types';

export type RemovalCategory = ClutterCategory | 'other';

export function noRemovals(): RemovedCounts {
  return { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 };
}

export function countRemoval(counts: RemovedCounts, category: RemovalCategory, n = 1): void {
  counts[category] += n;
}
