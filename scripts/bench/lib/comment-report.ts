/**
 * The comment bench's figures and its Markdown report (bench/results/comments.md), kept apart
 * from the browser run so that the arithmetic is tested on its own.
 */
import type { ExcerptState } from './comment-probe';
import type { PageSource } from './comment-labels';

/** The hiders measured: the extension through its popup, our rules alone, and a reference. */
export const VARIANTS = ['extension', 'rules', 'catchAll'] as const;
export type Variant = (typeof VARIANTS)[number];
export type Role = 'comment' | 'article' | 'post';

export interface ExcerptResult {
  /** `wcxb/0503`. */
  page: string;
  source: PageSource;
  role: Role;
  text: string;
  /** Before anything was switched on. */
  before: ExcerptState;
  after: Record<Variant, ExcerptState>;
}

export interface Tally {
  /** Excerpts rendered before hiding: only these count. */
  visible: number;
  /** Of those, how many are no longer rendered. */
  hidden: number;
}

export const BARS = { commentShare: 0.97, article: 0, post: 0 };

export function isHiddenBy(result: ExcerptResult, variant: Variant): boolean {
  return result.before === 'visible' && result.after[variant] !== 'visible';
}

export function tally(results: readonly ExcerptResult[], role: Role, variant: Variant, source?: PageSource): Tally {
  const counted = results.filter((r) => r.role === role && r.before === 'visible' && (!source || r.source === source));
  return { visible: counted.length, hidden: counted.filter((r) => isHiddenBy(r, variant)).length };
}

/** "97.4% (113 of 116)", or "–" when nothing was visible. */
export function formatShare({ visible, hidden }: Tally): string {
  if (visible === 0) return '–';
  return `${((100 * hidden) / visible).toFixed(1)}% (${hidden} of ${visible})`;
}

export interface RunFacts {
  date: string;
  chromium: string;
  /** One-minute load average when the run ended. */
  load: number;
  seconds: number;
  commentPages: number;
  forumPages: number;
  /** Pages that could not be measured, with why. */
  failures: { page: string; error: string }[];
}

const VARIANT_NAMES: Record<Variant, string> = {
  extension: 'Tidy Reader (popup: Hide comments + Hide promos)',
  rules: 'our rules alone (no thread finder)',
  catchAll: 'Hide Comments Everywhere catch-alls',
};

const SOURCES: PageSource[] = ['scrapinghub', 'wcxb', 'readability'];

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**NOT met**';
}

function listed(results: readonly ExcerptResult[], empty: string, showState = false): string {
  if (results.length === 0) return `${empty}\n`;
  const state = (r: ExcerptResult) => (showState ? ` (${r.role}, ${r.before})` : '');
  return `${results.map((r) => `- \`${r.page}\`${state(r)}: “${escapeCell(r.text)}”`).join('\n')}\n`;
}

function tableRows(results: readonly ExcerptResult[], role: Role): string {
  const rows = [...SOURCES.map((s) => [s, s] as const), ['all', undefined] as const].map(([name, source]) => {
    const cells = VARIANTS.map((v) => formatShare(tally(results, role, v, source)));
    return `| ${name} | ${tally(results, role, 'extension', source).visible} | ${cells.join(' | ')} |`;
  });
  return rows.join('\n');
}

export function formatReport(results: readonly ExcerptResult[], facts: RunFacts): string {
  const comments = tally(results, 'comment', 'extension');
  const articles = tally(results, 'article', 'extension');
  const posts = tally(results, 'post', 'extension');
  const share = comments.visible ? comments.hidden / comments.visible : 0;
  const header = `| source | visible before | ${VARIANTS.map((v) => VARIANT_NAMES[v]).join(' | ')} |\n| --- | ---: | ${VARIANTS.map(() => '---:').join(' | ')} |`;
  const missed = results.filter((r) => r.role === 'comment' && r.before === 'visible' && !isHiddenBy(r, 'extension'));
  const hiddenOf = (role: Role, variant: Variant) => results.filter((r) => r.role === role && isHiddenBy(r, variant));
  const notVisible = results.filter((r) => r.before !== 'visible');
  return `# Hiding comment sections: the labelled set

Written by \`npm run bench:clutter\` on ${facts.date}. Chromium ${facts.chromium}, headless, the built extension
loaded (the end-to-end harness, host access granted as a reader's click would). ${facts.commentPages} pages
with a comment section (all the public sets hold in their saved HTML: fewer than the 150 the issue asked for)
and ${facts.forumPages} forum and Q&A pages from \`bench/comments/labels.json\` (see its README),
each served as saved from 127.0.0.1 under the address it was saved from (the browser resolves every host
to this machine; over \`https:\` with a throwaway certificate), every other request aborted, the pages' scripts not run.
For each page, in one tab: which excerpts are rendered before anything is switched on (only those count);
then Hide Comments Everywhere's catch-all selectors as a plain \`display: none\` stylesheet, removed again;
then our live hider run in the page with the thread finder off plus our generated stylesheets ("rules
alone": selectors, heading and lead-in text signals, the article guard), undone again; then the popup
(\`popup.html?tabId=…\`) with **Hide comments** and **Hide promos** switched on, as a reader does, and the
hiding left to settle. An excerpt is hidden when the element holding it fails \`checkVisibility()\`.
Each page keeps its host, so what is keyed to hosts applies as on the web: a site's own rules, and a host that
names itself a forum.
The filter-list subscriptions (issue 21, item 4) have no column: EasyList's and AdGuard's lists cannot be downloaded
on this machine, and a list made up for the bench would measure only itself.
Pages: WCXB — Web Content eXtraction Benchmark v1.0 by Murrough Foley, CC-BY-4.0, development split;
scrapinghub's article-extraction benchmark; Mozilla Readability's test pages.

Run time ${(facts.seconds / 60).toFixed(1)} min on a shared 2-core VM (load average ${facts.load.toFixed(1)} at the end).

## Bars (Tidy Reader through the popup)

| measure | result | bar | |
| --- | ---: | ---: | --- |
| visible comment excerpts hidden | ${formatShare(comments)} | ≥ 97% | ${verdict(share >= BARS.commentShare)} |
| article excerpts hidden | ${articles.hidden} of ${articles.visible} | 0 | ${verdict(articles.hidden === 0)} |
| forum post excerpts hidden | ${posts.hidden} of ${posts.visible} | 0 | ${verdict(posts.hidden === 0)} |

## Comment excerpts hidden

${header}
${tableRows(results, 'comment')}

## Article excerpts hidden (must be none)

${header}
${tableRows(results, 'article')}

## Forum and Q&A post excerpts hidden (must be none)

${header}
${tableRows(results, 'post')}

## Comment excerpts Tidy Reader left visible

${listed(missed, 'None.')}
## Article excerpts hidden

${VARIANTS.map((v) => `${VARIANT_NAMES[v]}:\n\n${listed(hiddenOf('article', v), 'None.')}`).join('\n')}
## Forum post excerpts hidden

${VARIANTS.map((v) => `${VARIANT_NAMES[v]}:\n\n${listed(hiddenOf('post', v), 'None.')}`).join('\n')}
## Excerpts not counted (not rendered before hiding, or not found in the live page)

${listed(notVisible, 'None.', true)}
${facts.failures.length ? `## Pages that could not be measured\n\n${facts.failures.map((f) => `- \`${f.page}\`: ${escapeCell(f.error)}`).join('\n')}\n` : ''}`;
}
