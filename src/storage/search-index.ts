/**
 * Full-text search over title, byline, site and body, answered from the inverted index that
 * `term-index.ts` keeps in IndexedDB. A search reads the posting rows of its own words and the
 * id rows of its best results, in one transaction, so it costs the same on the first query after
 * the background wakes as on the hundredth: there is no index to load. Words must all match (the
 * last one, still being typed, as a prefix; a long word with no match is retried for one-letter
 * typos), ranked by how much each word weighs in the article (title over byline and site over
 * body) and how rare it is in the library.
 */
import Dexie from 'dexie';
import type { LibraryDb } from './schema';
import { isOneEditApart, termsOf } from './search-terms';
import { indexAll, nextArticleNo, NEXT_NO_KEY, SHARD_SIZE, type DocIdRow, type TermRow } from './term-index';
import type { ArticleId } from './types';

/** A prefix as short as three letters can match many words: read at most this many rows. */
const MAX_PREFIX_ROWS = 800;
const MIN_PREFIX = 3;
const MIN_TYPO_LENGTH = 6;

export interface SearchHit {
  id: ArticleId;
  score: number;
}

interface Weights {
  weights: Float64Array;
  nos: number[];
}

/**
 * Each article's weight for one query word (the best over the words it expanded to), in an array
 * indexed by article number: far cheaper than a map when a word is in most articles. `articles`
 * (the highest number in use) stands for the library's size in the rarity of a word.
 */
function weigh(rows: TermRow[], articles: number): Weights {
  const df = new Map<string, number>();
  for (const row of rows) df.set(row.term, (df.get(row.term) ?? 0) + row.nos.length);
  const weights = new Float64Array(articles);
  const nos: number[] = [];
  for (const row of rows) {
    const idf = Math.log(1 + articles / df.get(row.term)!);
    for (let i = 0; i < row.nos.length; i++) {
      const no = row.nos[i]!;
      const weight = row.scores[i]! * idf;
      if (weights[no] === 0) nos.push(no);
      if (weight > weights[no]!) weights[no] = weight;
    }
  }
  return { weights, nos };
}

/** Articles that have every word, with the sum of their weights. */
function intersect(groups: Weights[]): [no: number, score: number][] {
  const [first, ...rest] = [...groups].sort((a, b) => a.nos.length - b.nos.length) as [Weights, ...Weights[]];
  const totals: [number, number][] = [];
  for (const no of first.nos) {
    let score = first.weights[no]!;
    for (const group of rest) {
      const weight = group.weights[no]!;
      if (weight === 0) {
        score = 0;
        break;
      }
      score += weight;
    }
    if (score > 0) totals.push([no, score]);
  }
  return totals;
}

export function createSearchIndex(db: LibraryDb) {
  function rowsBetween(from: string, to: string) {
    return db.terms.where('[term+shard]').between([from, Dexie.minKey], [to, Dexie.maxKey], true, true);
  }

  async function rowsFor(word: string, isPrefix: boolean): Promise<TermRow[]> {
    const rows = isPrefix
      ? await rowsBetween(word, `${word}\uffff`).limit(MAX_PREFIX_ROWS).toArray()
      : await rowsBetween(word, word).toArray();
    if (rows.length > 0 || word.length < MIN_TYPO_LENGTH) return rows;
    // No such word: perhaps a typo. Words sharing its first three letters are candidates.
    const keys = await rowsBetween(word.slice(0, 3), `${word.slice(0, 3)}\uffff`).primaryKeys();
    const near = new Set(keys.map(([term]) => term).filter((term) => isOneEditApart(term, word)));
    if (near.size === 0) return [];
    return (await db.terms.bulkGet(keys.filter(([term]) => near.has(term)))).filter((r): r is TermRow => !!r);
  }

  /**
   * The id rows read so far, valid while the library's revision stands: every write that touches
   * the index bumps it in the same transaction. Reading ten rows of 1,024 ids was the largest part
   * of a search at 10,000 articles.
   */
  let idRows: { revision: number; rows: Map<number, DocIdRow | undefined> } = { revision: -1, rows: new Map() };

  /** The ids of article numbers, from the rows that hold them. */
  async function idsOf(nos: number[], revision: number): Promise<Map<number, ArticleId>> {
    if (idRows.revision !== revision) idRows = { revision, rows: new Map() };
    const { rows } = idRows;
    const missing = [...new Set(nos.map((no) => Math.floor(no / SHARD_SIZE)))].filter((shard) => !rows.has(shard));
    const read = await db.docIds.bulkGet(missing);
    missing.forEach((shard, i) => rows.set(shard, read[i]));
    const ids = new Map<number, ArticleId>();
    for (const no of nos) {
      const id = rows.get(Math.floor(no / SHARD_SIZE))?.ids[no % SHARD_SIZE];
      if (id) ids.set(no, id);
    }
    return ids;
  }

  return {
    async search(query: string, limit = 200): Promise<SearchHit[]> {
      const words = [...new Set(termsOf(query))];
      if (words.length === 0) return [];
      return db.transaction('r', [db.terms, db.docIds, db.meta], async () => {
        const [articles, revision] = await Promise.all([nextArticleNo(db), db.meta.get('revision')]);
        const groups: Weights[] = [];
        for (const [index, word] of words.entries()) {
          // The last word is usually still being typed: match it as a prefix once it says something.
          const isPrefix = index === words.length - 1 && word.length >= MIN_PREFIX;
          const rows = await rowsFor(word, isPrefix);
          if (rows.length === 0) return [];
          groups.push(weigh(rows, articles));
        }
        // Best first; between equals, the more recently saved (numbers grow with each new article).
        const best = intersect(groups)
          .sort((a, b) => b[1] - a[1] || b[0] - a[0])
          .slice(0, limit);
        const ids = await idsOf(
          best.map(([no]) => no),
          typeof revision?.value === 'number' ? revision.value : 0,
        );
        return best.flatMap(([no, score]) => {
          const id = ids.get(no);
          return id ? [{ id, score }] : [];
        });
      });
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;

/**
 * Rebuilds the index when it does not cover the library, which the transactional writes should
 * never allow but a database restored or edited from outside can: search must not silently miss
 * articles. The check is two counts in a read transaction, so a sound library pays next to
 * nothing when the background starts. Returns whether it rebuilt.
 */
export async function repairSearchIndex(db: LibraryDb): Promise<boolean> {
  const isSound = async () => (await db.articles.count()) === (await db.searchDocs.count());
  if (await db.transaction('r', [db.articles, db.searchDocs], isSound)) return false;
  return db.transaction('rw', [db.articles, db.contents, db.terms, db.docIds, db.searchDocs, db.meta], async () => {
    if (await isSound()) return false;
    await Promise.all([db.terms.clear(), db.docIds.clear(), db.searchDocs.clear(), db.meta.delete(NEXT_NO_KEY)]);
    await indexAll(db.termIndex, await db.articles.toArray(), db.contents);
    // Searches keep rows they read until the revision moves.
    const revision = (await db.meta.get('revision'))?.value;
    await db.meta.put({ key: 'revision', value: (typeof revision === 'number' ? revision : 0) + 1 });
    return true;
  });
}
