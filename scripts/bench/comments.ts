/**
 * `tsx scripts/bench/comments.ts` (also run by `npm run bench:clutter`): how much of the readers'
 * comments on the labelled pages of bench/comments Tidy Reader hides, and that it hides no article
 * and no forum post. Needs `npm run build` first. Results go to bench/results/comments.md.
 */
import { writeCommentReport } from './lib/comment-bench';

await writeCommentReport();
