/**
 * Checks the comment bench's labels against the pages (`tsx scripts/bench/check-comment-labels.ts
 * [labels.json]`): every page exists, every excerpt is in its page's static HTML once, as text a
 * browser renders, and the counts meet the minimums. Run when the set is built; the unit tests run
 * the same check.
 */
import { checkLabels, LABELS_FILE, loadLabels } from './lib/comment-labels';
import { BENCH_DATA, requireData } from './lib/datasets';

requireData(BENCH_DATA, 'the comment labels check');
const file = process.argv[2] ?? LABELS_FILE;
const labels = loadLabels(file);
const problems = checkLabels(labels);
for (const problem of problems) console.log(problem);
const excerpts = (n: number[]) => n.reduce((a, b) => a + b, 0);
console.log(
  `${labels.comments.length} pages with comments (${excerpts(labels.comments.map((p) => p.comments.length))} comment and ${excerpts(labels.comments.map((p) => p.article.length))} article excerpts), ${labels.forums.length} forum pages (${excerpts(labels.forums.map((p) => p.posts.length))} post excerpts): ${problems.length} problems`,
);
process.exitCode = problems.length ? 1 : 0;
