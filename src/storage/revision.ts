import type { LibraryDb } from './schema';

/**
 * Bumps the library-wide change counter and returns it; call inside a write transaction over
 * `meta`. An article written with it is one the sync sends next (articles are read by revision).
 */
export async function nextRevision(db: LibraryDb): Promise<number> {
  const current = (await db.meta.get('revision'))?.value;
  const next = (typeof current === 'number' ? current : 0) + 1;
  await db.meta.put({ key: 'revision', value: next });
  return next;
}
