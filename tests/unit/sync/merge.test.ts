import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleFile } from '../../../src/sync/article-file';
import { createClock } from '../../../src/sync/hlc';
import { stampDeleted, stampLocal, type LocalArticle } from '../../../src/sync/local-edits';
import { activeTags, covers, isDeleted, latestEdit, mergeArticles, stateKey } from '../../../src/sync/merge';
import { content, firstFile, noImages, viewOf } from './support';

/** One thing a reader does to an article on one device. */
type Op =
  | { kind: 'read' | 'archive' | 'favourite'; value: boolean }
  | { kind: 'position'; value: number }
  | { kind: 'title'; value: string }
  | { kind: 'tag'; value: string; on: boolean }
  | { kind: 'resave'; value: string }
  | { kind: 'note'; id: string; text: string | null }
  | { kind: 'delete' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('read', 'archive', 'favourite'), value: fc.boolean() }) as fc.Arbitrary<Op>,
  fc.record({ kind: fc.constant('position' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('title' as const), value: fc.constantFrom('Harbour', 'Winter gardens', 'Frost') }),
  fc.record({
    kind: fc.constant('tag' as const),
    value: fc.constantFrom('war', 'War', 'maps', 'later'),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('resave' as const), value: fc.constantFrom('<p>v2</p>', '<p>v3</p>') }),
  fc.record({
    kind: fc.constant('note' as const),
    id: fc.constantFrom('n1', 'n2'),
    text: fc.option(fc.constantFrom('yes', 'no'), { nil: null }),
  }),
  fc.record({ kind: fc.constant('delete' as const) }),
);

/** A device: what its library shows, and the file it last synced. */
interface Device {
  node: string;
  view: LocalArticle | null;
  file: ArticleFile;
}

function edit(view: LocalArticle, op: Exclude<Op, { kind: 'delete' }>, time: number): LocalArticle {
  const next = { ...view, editedAt: time };
  switch (op.kind) {
    case 'read':
      return { ...next, isRead: op.value };
    case 'archive':
      return { ...next, isArchived: op.value };
    case 'favourite':
      return { ...next, isFavorite: op.value };
    case 'position':
      return { ...next, position: { progress: op.value } };
    case 'title':
      return { ...next, title: op.value };
    case 'tag': {
      const others = next.tags.filter((t) => t.toLocaleLowerCase() !== op.value.toLocaleLowerCase());
      return { ...next, tags: op.on ? [...others, op.value] : others };
    }
    case 'resave':
      return { ...next, content: content({ html: op.value, text: op.value }) };
    case 'note': {
      const others = (next.annotations ?? []).filter((a) => a.id !== op.id);
      const note = { id: op.id, articleId: view.id, colour: 'yellow', note: op.text, updated: time };
      return { ...next, annotations: op.text === null ? others : [...others, note] };
    }
  }
}

/** The device does `op` at `time` and stamps it against its file (as a sync would). */
async function act(device: Device, op: Op, time: number): Promise<void> {
  const clock = createClock(device.node, () => time);
  if (op.kind === 'delete') {
    if (device.view) device.file = stampDeleted(device.file, clock, time);
    device.view = null;
    return;
  }
  // A deleted article can be saved again (a resave); other edits need it in the library.
  const view = device.view ?? (op.kind === 'resave' ? viewOf(device.file) : null);
  if (!view) return;
  device.view = edit(view, op, time);
  device.file = await stampLocal(device.file, device.view, clock, time, noImages);
}

/** A sync between the device and another copy: both hold the merge, the view follows it. */
function receive(device: Device, other: ArticleFile): void {
  device.file = mergeArticles(device.file, other);
  device.view = isDeleted(device.file) ? null : viewOf(device.file);
}

const stepArb = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  op: opArb,
  /** Milliseconds since the previous step; devices' clocks are skewed below. */
  advance: fc.integer({ min: 0, max: 5000 }),
  /** After the step, this device merges another's copy (a partial sync). */
  syncWith: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const skews = [0, 60_000, -30_000];

async function run(steps: Step[]): Promise<Device[]> {
  const first = await firstFile('origin', 1_700_000_000_000, { tags: ['maps'] });
  const devices: Device[] = ['laptop', 'desk', 'phone'].map((node) => ({ node, view: viewOf(first), file: first }));
  let time = 1_700_000_000_000;
  for (const step of steps) {
    time += step.advance;
    const device = devices[step.device]!;
    await act(device, step.op, time + skews[step.device]!);
    if (step.syncWith !== null && step.syncWith !== step.device) receive(device, devices[step.syncWith]!.file);
  }
  return devices;
}

describe('merging article files', () => {
  it('is commutative, associative and idempotent over files from random edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 25 }), async (steps) => {
        const [a, b, c] = (await run(steps)).map((d) => d.file) as [ArticleFile, ArticleFile, ArticleFile];
        const key = stateKey;
        expect(key(mergeArticles(a, b))).toBe(key(mergeArticles(b, a)));
        expect(key(mergeArticles(mergeArticles(a, b), c))).toBe(key(mergeArticles(a, mergeArticles(b, c))));
        expect(key(mergeArticles(a, a))).toBe(key(a));
        expect(covers(mergeArticles(a, b), a)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('brings devices that edited offline to the same state whatever order they sync in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { maxLength: 30 }),
        fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 0, 2]),
        async (steps, order) => {
          const devices = await run(steps);
          // Each device syncs with the server in turn, twice round: the server's copy is the merge.
          let server = devices[order[0]!]!.file;
          for (const round of [0, 1]) {
            for (const i of order) {
              const device = devices[i]!;
              server = mergeArticles(server, device.file);
              receive(device, server);
              expect(round === 0 || stateKey(device.file) === stateKey(server)).toBe(true);
            }
          }
          const [x, y, z] = devices;
          expect(stateKey(x!.file)).toBe(stateKey(y!.file));
          expect(stateKey(y!.file)).toBe(stateKey(z!.file));
          expect(x!.view).toEqual(y!.view);
          expect(y!.view).toEqual(z!.view);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('merge rules', () => {
  const clockAt = (node: string, time: number) => createClock(node, () => time);

  it('takes each field from the later edit, field by field', async () => {
    const base = await firstFile();
    const laptop = await stampLocal(
      base,
      { ...viewOf(base), isRead: true, editedAt: 2e12 },
      clockAt('laptop', 2e12),
      2e12,
      noImages,
    );
    const desk = await stampLocal(
      base,
      { ...viewOf(base), isRead: false, isFavorite: true, title: 'Renamed', editedAt: 2e12 + 5 },
      clockAt('desk', 2e12 + 5),
      2e12 + 5,
      noImages,
    );
    const merged = mergeArticles(laptop, desk);
    // The desk's later edit of `read` (unchanged: false) does not count: it did not change it.
    expect(merged.read.value).toBe(true);
    expect(merged.favorite.value).toBe(true);
    expect(merged.title.value).toBe('Renamed');
  });

  it('treats tags as sets of adds and removes', async () => {
    const base = await firstFile('o', 1e12, { tags: ['maps', 'war'] });
    const a = await stampLocal(
      base,
      { ...viewOf(base), tags: ['maps'], editedAt: 2e12 },
      clockAt('a', 2e12),
      2e12,
      noImages,
    );
    const b = await stampLocal(
      base,
      { ...viewOf(base), tags: ['maps', 'war', 'later'], editedAt: 2e12 },
      clockAt('b', 2e12),
      2e12,
      noImages,
    );
    expect(activeTags(mergeArticles(a, b))).toEqual(['later', 'maps']);
    // Added again after the removal: it is back.
    const c = await stampLocal(
      a,
      { ...viewOf(a), tags: ['maps', 'War'], editedAt: 3e12 },
      clockAt('c', 3e12),
      3e12,
      noImages,
    );
    expect(activeTags(mergeArticles(b, c))).toEqual(['later', 'maps', 'War']);
  });

  it('lets a deletion beat older edits and lose to a newer one', async () => {
    const base = await firstFile();
    const older = await stampLocal(
      base,
      { ...viewOf(base), isArchived: true, editedAt: 2e12 },
      clockAt('a', 2e12),
      2e12,
      noImages,
    );
    const deleted = stampDeleted(base, clockAt('b', 3e12), 3e12);
    expect(isDeleted(mergeArticles(older, deleted))).toBe(true);
    const newer = await stampLocal(
      base,
      { ...viewOf(base), isArchived: true, editedAt: 4e12 },
      clockAt('a', 4e12),
      4e12,
      noImages,
    );
    const merged = mergeArticles(newer, deleted);
    expect(isDeleted(merged)).toBe(false);
    expect(merged.archived.value).toBe(true);
    expect(latestEdit(merged) > merged.deleted!).toBe(true);
  });

  it('keeps a content version whole: the later save wins, body and images together', async () => {
    const base = await firstFile();
    const resaved = await stampLocal(
      base,
      {
        ...viewOf(base),
        content: content({ html: '<p>New</p>', text: 'New', imageUrls: ['https://img/x.png'] }),
        editedAt: 2e12,
      },
      clockAt('a', 2e12),
      2e12,
      async () => [{ url: 'https://img/x.png', blob: 'f'.repeat(64), type: 'image/png', size: 3 }],
    );
    const merged = mergeArticles(base, resaved);
    expect(merged.content.html).toBe('<p>New</p>');
    expect(merged.content.images).toHaveLength(1);
    expect(merged.content.hash).not.toBe(base.content.hash);
  });

  it('merges annotations by id, a deleted one staying deleted against an older copy', async () => {
    const base = await firstFile();
    const note = { id: 'h1', articleId: 'a1', colour: 'yellow', note: 'mark', updated: 2e12 };
    const withNote = await stampLocal(
      base,
      { ...viewOf(base), annotations: [note] },
      clockAt('a', 2e12),
      2e12,
      noImages,
    );
    const removed = await stampLocal(
      withNote,
      { ...viewOf(withNote), annotations: [] },
      clockAt('b', 3e12),
      3e12,
      noImages,
    );
    expect(mergeArticles(withNote, removed).annotations).toEqual([
      { id: 'h1', at: removed.annotations[0]!.at, record: null },
    ]);
    // A library without an annotation store leaves the synced ones as they are.
    const { annotations: _none, ...withoutStore } = viewOf(withNote);
    const untouched = await stampLocal(withNote, withoutStore, clockAt('c', 4e12), 4e12, noImages);
    expect(untouched.annotations).toEqual(withNote.annotations);
  });
});
