/**
 * The comment bench's browser run: every labelled page in Chromium with the built extension,
 * measured before hiding, under Hide Comments Everywhere's catch-alls, under our rules alone, and
 * with hiding switched on through the popup (see comment-report.ts for what each means).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { groupStylesheet, HIDE_GROUPS } from '../../../src/clutter';
import { launchChromium, type Harness, type TestPage } from '../../../tests/e2e/support/harness';
import { BENCH_DATA, hasData } from './datasets';
import { checkLabels, loadLabels, pageHtml, pageName, pageUrl, type PageRef } from './comment-labels';
import type { CommentProbe, ExcerptState } from './comment-probe';
import { formatReport, VARIANTS, type ExcerptResult, type Role, type Variant } from './comment-report';
import { servePagesAtAddresses } from './page-server';

/** Where Hide Comments Everywhere's sites.json is kept (MIT), beside the bench data. */
const CATCH_ALL_FILE = join(BENCH_DATA, '../vendor-data/hide-comments-everywhere/sites.json');
const PROBE_ENTRY = resolve(import.meta.dirname, 'comment-probe.ts');
/** Pages measured at once, each in its own tab (the machine has two cores). */
const PARALLEL_TABS = 2;
const SETTLE_POLL_MS = 300;
const SETTLE_MAX_MS = 5_000;

interface LabelledPage extends PageRef {
  excerpts: { role: Role; text: string }[];
}

export interface CommentBenchRun {
  results: ExcerptResult[];
  failures: { page: string; error: string }[];
  chromium: string;
  commentPages: number;
  forumPages: number;
}

/** The probe as one classic script, built from source so that it runs today's hider. */
async function buildProbe(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: PROBE_ENTRY, formats: ['iife'], name: 'tidyBenchProbe', fileName: () => 'probe.js' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('The comment probe did not build');
  return chunk.code;
}

/** Hide Comments Everywhere's catch-alls as a plain stylesheet: one rule each, no guard. */
function catchAllStylesheet(): string {
  const data = JSON.parse(readFileSync(CATCH_ALL_FILE, 'utf8')) as { catchall_selectors: string };
  return data.catchall_selectors
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((selector) => `${selector} { display: none !important; }`)
    .join('\n');
}

function labelledPages(): { pages: LabelledPage[]; commentPages: number; forumPages: number } {
  const labels = loadLabels();
  const pages: LabelledPage[] = [
    ...labels.comments.map((p) => ({
      source: p.source,
      id: p.id,
      excerpts: [
        ...p.comments.map((text) => ({ role: 'comment' as const, text })),
        ...p.article.map((text) => ({ role: 'article' as const, text })),
      ],
    })),
    ...labels.forums.map((p) => ({
      source: p.source,
      id: p.id,
      excerpts: p.posts.map((text) => ({ role: 'post' as const, text })),
    })),
  ];
  return { pages, commentPages: labels.comments.length, forumPages: labels.forums.length };
}

/** Our generated stylesheets for a host, as the background inserts them. */
function ourStylesheets(host: string): string {
  return HIDE_GROUPS.map((g) => groupStylesheet(g, host)).join('\n');
}

type BenchWindow = typeof globalThis & { tidyBench: CommentProbe };

function states(page: TestPage, excerpts: string[]): Promise<ExcerptState[]> {
  return page.evaluate((list) => (globalThis as BenchWindow).tidyBench.states(list), excerpts);
}

async function setSwitch(popup: TestPage, name: string): Promise<void> {
  const selector = `.page-clutter input[name="${name}"]`;
  await popup.waitFor((s) => document.querySelector(s), selector);
  if (!(await popup.evaluate((s) => (document.querySelector(s) as HTMLInputElement).checked, selector))) {
    await popup.click(selector);
  }
  await popup.waitFor((s) => {
    const input = document.querySelector(s) as HTMLInputElement;
    return input.checked && !input.disabled;
  }, selector);
}

/** Reads the excerpts until two readings agree: the observer may still be re-running. */
async function settledStates(page: TestPage, excerpts: string[]): Promise<ExcerptState[]> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let last = await states(page, excerpts);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    const next = await states(page, excerpts);
    if (next.join() === last.join()) return next;
    last = next;
  }
  return last;
}

async function measurePage(
  harness: Harness,
  url: string,
  labelled: LabelledPage,
  probe: string,
  sheets: { catchAll: string },
): Promise<ExcerptResult[]> {
  const texts = labelled.excerpts.map((e) => e.text);
  const page = await harness.open(url);
  try {
    await page.evaluateScript(probe);
    const before = await states(page, texts);

    const withSheet = async (css: string): Promise<ExcerptState[]> => {
      await page.evaluate((text) => (globalThis as BenchWindow).tidyBench.addStyle(text), css);
      const seen = await states(page, texts);
      await page.evaluate(() => (globalThis as BenchWindow).tidyBench.removeStyle());
      return seen;
    };
    const catchAll = await withSheet(sheets.catchAll);
    const host = new URL(url).hostname;
    await page.evaluate((name) => (globalThis as BenchWindow).tidyBench.applyRules(name), host);
    const rules = await withSheet(ourStylesheets(host));
    await page.evaluate(() => (globalThis as BenchWindow).tidyBench.clearRules());

    // As a reader: open the popup on this tab and switch both on (after the first page they are
    // already on for the site, and opening the popup applies them).
    const tabId = await harness.tabIdOf(url);
    const popup = await harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    try {
      await setSwitch(popup, 'hide-comments');
      await setSwitch(popup, 'hide-promos');
      await popup.waitFor(() => document.querySelector('.page-clutter__summary')?.textContent?.trim());
    } finally {
      await popup.close();
    }
    await page.waitFor(() => document.documentElement.hasAttribute('data-tidy-show'));
    const extension = await settledStates(page, texts);

    const after: Record<Variant, ExcerptState[]> = { extension, rules, catchAll };
    return labelled.excerpts.map((excerpt, i) => ({
      page: pageName(labelled),
      source: labelled.source,
      role: excerpt.role,
      text: excerpt.text,
      before: before[i] as ExcerptState,
      after: Object.fromEntries(VARIANTS.map((v) => [v, after[v][i] as ExcerptState])) as Record<Variant, ExcerptState>,
    }));
  } finally {
    await page.close();
  }
}

export async function runCommentBench(
  log: (line: string) => void = console.log,
  { limit = Infinity }: { limit?: number } = {},
): Promise<CommentBenchRun> {
  const labelled = labelledPages();
  const { commentPages, forumPages } = labelled;
  const pages = labelled.pages.slice(0, limit);
  const server = await servePagesAtAddresses(new Map(pages.map((p) => [pageUrl(p), () => pageHtml(p)])));
  const probe = await buildProbe();
  const sheets = { catchAll: catchAllStylesheet() };
  // Each page under its own address: its host's rules apply, as for a reader on the site.
  const harness = await launchChromium({ localOnly: true, servedOn: server.port, hosts: ['https://*/*'] });
  const results: ExcerptResult[] = [];
  const failures: { page: string; error: string }[] = [];
  try {
    const options = await harness.openExtensionPage('options.html');
    const chromium = await options.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
    await options.close();
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < pages.length; i = next++) {
        const labelled = pages[i] as LabelledPage;
        try {
          results.push(...(await measurePage(harness, server.url(pageUrl(labelled)), labelled, probe, sheets)));
        } catch (error) {
          failures.push({ page: pageName(labelled), error: error instanceof Error ? error.message : String(error) });
        }
        done += 1;
        if (done % 10 === 0) log(`  comment bench: ${done} of ${pages.length} pages`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_TABS }, worker));
    const order = new Map(pages.map((p, i) => [pageName(p), i]));
    results.sort((a, b) => (order.get(a.page) ?? 0) - (order.get(b.page) ?? 0));
    return { results, failures, chromium, commentPages, forumPages };
  } finally {
    await harness.close();
    await server.close();
  }
}

export const REPORT_FILE = resolve(import.meta.dirname, '../../../bench/results/comments.md');

/** Runs the bench and writes bench/results/comments.md; skips, saying why, without the bench data. */
export async function writeCommentReport(): Promise<void> {
  if (!hasData(BENCH_DATA)) {
    console.warn(`Skipping the comment bench: ${BENCH_DATA} is absent (set TIDY_BENCH_DATA to the folder holding it).`);
    return;
  }
  // The labels are checked against the pages first: a label that no longer fits its page would
  // measure nothing (the unit tests check their shape only, since CI has no pages).
  const problems = checkLabels(loadLabels());
  if (problems.length > 0) throw new Error(`The comment labels do not fit their pages:\n${problems.join('\n')}`);
  const started = Date.now();
  console.log('Comment bench: the labelled pages in Chromium…');
  const run = await runCommentBench();
  const report = formatReport(run.results, {
    date: new Date().toISOString().slice(0, 10),
    chromium: run.chromium,
    load: loadavg()[0] ?? 0,
    seconds: (Date.now() - started) / 1000,
    commentPages: run.commentPages,
    forumPages: run.forumPages,
    failures: run.failures,
  });
  await mkdir(dirname(REPORT_FILE), { recursive: true });
  await writeFile(REPORT_FILE, report);
  console.log(report);
}
