/**
 * How an import is cut into transactions. One transaction for a whole file held IndexedDB for
 * minutes (10,000 articles) and lost everything on a late failure; chunks of a few hundred
 * articles commit one after another, so progress can be shown and a cancel keeps what is done.
 * A chunk also closes early once its bodies and pictures pass a size, so that one transaction never
 * holds hundreds of megabytes of images.
 */
import type { ImportDraft } from './types';

export interface ChunkLimits {
  /** Articles per transaction at most. */
  maxArticles: number;
  /** Bytes of bodies and pictures per transaction, at most (a larger single article is a chunk alone). */
  maxBytes: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxArticles: 250, maxBytes: 32 * 1024 * 1024 };

function sizeOf(draft: ImportDraft): number {
  return draft.html.length + (draft.text?.length ?? 0) + draft.images.reduce((n, i) => n + i.bytes.length, 0);
}

/** The drafts in order, cut into chunks within the limits; none empty. */
export function chunkDrafts(
  drafts: readonly ImportDraft[],
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): ImportDraft[][] {
  const maxArticles = Math.max(1, Math.floor(limits.maxArticles));
  const chunks: ImportDraft[][] = [];
  let current: ImportDraft[] = [];
  let bytes = 0;
  for (const draft of drafts) {
    const size = sizeOf(draft);
    if (current.length > 0 && (current.length >= maxArticles || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(draft);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
