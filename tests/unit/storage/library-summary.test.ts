import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRepository } from '../../../src/storage/article-repository';
import { readSummary, summarise } from '../../../src/storage/library-summary';
import type { LibraryDb } from '../../../src/storage/schema';
import { fields, freshDb, saveInput } from './support';

let db: LibraryDb;
afterEach(() => db?.close());

describe('library summary', () => {
  it('stays equal to a count of the records through saves, imports, state changes, deletions and undo', async () => {
    db = freshDb();
    const repo = createArticleRepository(db);
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const tokens: string[] = [];
    const input = (n: number) =>
      saveInput({
        url: `https://site${n % 4}.example/${n}`,
        canonicalUrl: null,
        fields: fields({ title: `Entry ${n}` }),
        images: new Map(),
        imageUrls: [],
        state: { tags: random() < 0.5 ? [pick(['war', 'Later', '__proto__'])] : [] },
      });
    for (let step = 0; step < 150; step++) {
      const ids = (await repo.all()).map((r) => r.id);
      const roll = random();
      if (roll < 0.3 || ids.length === 0) await repo.save(input(Math.floor(random() * 40)));
      else if (roll < 0.4) await repo.saveAll([input(Math.floor(random() * 40)), input(Math.floor(random() * 40))]);
      else if (roll < 0.7)
        await repo.update([pick(ids)], {
          isRead: random() < 0.5,
          isArchived: random() < 0.3,
          isFavorite: random() < 0.3,
          ...(random() < 0.5 ? { addTags: ['later'] } : { removeTags: ['war'] }),
        });
      else if (roll < 0.9) tokens.push((await repo.remove([pick(ids)])).token);
      else if (tokens.length > 0) await repo.restore(tokens.pop()!).catch(() => undefined);
      if (step % 10 === 9) expect(await readSummary(db)).toEqual(summarise(await repo.all()));
    }
    const summary = (await readSummary(db))!;
    expect(summary).toEqual(summarise(await repo.all()));
    expect(summary.library).toBeGreaterThan(0);
  });
});
