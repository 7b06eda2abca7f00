/**
 * The library's full-text index, kept in IndexedDB itself: an inverted index whose posting lists
 * are split into shards of 1,024 articles, so a search reads only the rows of its own words (no
 * index to load when the background wakes, whatever the library's size) and a save rewrites only
 * small rows. It is written in the same transaction as the articles it describes, so it can never
 * disagree with them.
 */
import type { Table } from 'dexie';
import { termScores, type SearchableText } from './search-terms';
import type { ArticleId } from './types';

/** Articles per posting-list row. */
export const SHARD_SIZE = 1024;
export const NEXT_NO_KEY = 'search-next-no';

/** One shard of one word's posting list: article numbers and how much the word weighs in each. */
export interface TermRow {
  term: string;
  shard: number;
  nos: Uint32Array;
  scores: Uint8Array;
}

/** Which article each number stands for, 1,024 to a row: a search reads only the rows it needs. */
export interface DocIdRow {
  shard: number;
  ids: (ArticleId | null)[];
}

/** An indexed article: its number in the posting lists and the words it was indexed under. */
export interface SearchDocRow {
  id: ArticleId;
  no: number;
  terms: string[];
}

/** The tables the index writes: the database's own, or a schema upgrade's. */
export interface TermIndexTables {
  terms: Pick<Table<TermRow, [string, number]>, 'bulkGet' | 'bulkPut' | 'bulkDelete'>;
  docIds: Pick<Table<DocIdRow, number>, 'bulkGet' | 'bulkPut'>;
  searchDocs: Pick<Table<SearchDocRow, ArticleId>, 'bulkGet' | 'bulkPut' | 'bulkDelete'>;
  meta: {
    get(key: string): PromiseLike<{ value: unknown } | undefined>;
    put(item: { key: string; value: unknown }): PromiseLike<unknown>;
  };
}

export interface IndexedArticle extends SearchableText {
  id: ArticleId;
}

/** One more than the highest article number in use (numbers are never reused). */
export async function nextArticleNo(tables: Pick<TermIndexTables, 'meta'>): Promise<number> {
  const stored = (await tables.meta.get(NEXT_NO_KEY))?.value;
  return typeof stored === 'number' ? stored : 0;
}

interface RowChange {
  remove: Set<number>;
  add: [no: number, score: number][];
}

/**
 * Applies a batch of changes to the index; call inside a read-write transaction over the three
 * tables. `add` (re)indexes articles, `remove` drops them.
 */
export async function updateTermIndex(
  tables: TermIndexTables,
  change: { add: IndexedArticle[]; remove: ArticleId[] },
): Promise<void> {
  if (change.add.length === 0 && change.remove.length === 0) return;
  const ids = [...new Set([...change.remove, ...change.add.map((a) => a.id)])];
  const existing = new Map(
    (await tables.searchDocs.bulkGet(ids)).filter((d): d is SearchDocRow => !!d).map((d) => [d.id, d]),
  );
  const rows = new Map<string, RowChange & { term: string; shard: number }>();
  const rowFor = (term: string, no: number) => {
    const shard = Math.floor(no / SHARD_SIZE);
    const key = `${shard}\u0000${term}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { term, shard, remove: new Set(), add: [] }));
    return row;
  };
  for (const doc of existing.values()) for (const term of doc.terms) rowFor(term, doc.no).remove.add(doc.no);

  let nextNo = await nextArticleNo(tables);
  const docs: SearchDocRow[] = [];
  for (const article of change.add) {
    const no = existing.get(article.id)?.no ?? nextNo++;
    const scores = termScores(article);
    for (const [term, score] of scores) rowFor(term, no).add.push([no, score]);
    docs.push({ id: article.id, no, terms: [...scores.keys()] });
  }
  const added = new Set(change.add.map((a) => a.id));

  const keys = [...rows.values()].map((r): [string, number] => [r.term, r.shard]);
  const current = await tables.terms.bulkGet(keys);
  const puts: TermRow[] = [];
  const deletes: [string, number][] = [];
  [...rows.values()].forEach((change, i) => {
    const old = current[i];
    const nos: number[] = [];
    const scores: number[] = [];
    if (old) {
      for (let j = 0; j < old.nos.length; j++) {
        if (change.remove.has(old.nos[j]!)) continue;
        nos.push(old.nos[j]!);
        scores.push(old.scores[j]!);
      }
    }
    for (const [no, score] of change.add) {
      nos.push(no);
      scores.push(score);
    }
    if (nos.length === 0) deletes.push([change.term, change.shard]);
    else
      puts.push({
        term: change.term,
        shard: change.shard,
        nos: Uint32Array.from(nos),
        scores: Uint8Array.from(scores),
      });
  });
  await tables.terms.bulkDelete(deletes);
  await tables.terms.bulkPut(puts);
  const gone = [...existing.values()].filter((d) => !added.has(d.id));
  await tables.searchDocs.bulkDelete(gone.map((d) => d.id));
  await tables.searchDocs.bulkPut(docs);
  await tables.meta.put({ key: NEXT_NO_KEY, value: nextNo });

  const shards = [...new Set([...gone, ...docs].map((d) => Math.floor(d.no / SHARD_SIZE)))];
  const idRows = await tables.docIds.bulkGet(shards);
  const byShard = new Map(shards.map((shard, i) => [shard, idRows[i] ?? { shard, ids: [] }]));
  for (const doc of gone) byShard.get(Math.floor(doc.no / SHARD_SIZE))!.ids[doc.no % SHARD_SIZE] = null;
  for (const doc of docs) byShard.get(Math.floor(doc.no / SHARD_SIZE))!.ids[doc.no % SHARD_SIZE] = doc.id;
  await tables.docIds.bulkPut([...byShard.values()]);
}

/** Indexes every article given, 500 at a time (a schema upgrade, or a rebuild). */
export async function indexAll(
  tables: TermIndexTables,
  articles: Omit<IndexedArticle, 'text'>[],
  contents: { bulkGet(ids: ArticleId[]): PromiseLike<({ text: string } | undefined)[]> },
): Promise<void> {
  for (let i = 0; i < articles.length; i += 500) {
    const batch = articles.slice(i, i + 500);
    const texts = await contents.bulkGet(batch.map((a) => a.id));
    await updateTermIndex(tables, { add: batch.map((a, j) => ({ ...a, text: texts[j]?.text ?? '' })), remove: [] });
  }
}
