/**
 * Speed in headless Chromium: the built content script's full extraction (`reader.extract`, timed
 * by its own performance mark) against plain Readability on a clone of the same DOM, page by page
 * in the same run. Pages are served from 127.0.0.1; every other host is unresolvable, so nothing
 * loads from the network.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from '../../tests/e2e/support/browsers';
import { prepareExtensionCopy } from '../../tests/e2e/support/extension-copy';
import { generateLargePage } from '../../tests/fixtures/generated/large-page';
import { DEFAULT_BUDGET_MS } from '../../src/extract/extract-article';
import { EXTRACT_MARK, STEP_MARK } from '../../src/content/handlers';
import { servePages } from './lib/page-server';
import { median } from './lib/stats';

export interface SpeedRow {
  name: string;
  elements: number;
  /** Median of the repetitions, in milliseconds. */
  ours: number;
  readability: number;
  /** Every repetition, first (cold) to last; even rounds ran ours first, odd ones Readability. */
  oursRuns: number[];
  readabilityRuns: number[];
  /** Injecting the content script into the tab, timed from an extension page (round trip included). */
  injectMs: number;
  /**
   * A first click on a fresh tab, timed from the extension page: ours is injecting the content script
   * and its first `reader.extract`; plain Readability's is injecting Readability.js as a script file
   * and running it once, in another fresh tab of the same page.
   */
  firstClick: { ours: number; readability: number };
  isArticle: boolean;
  /** Each step of our extraction (the content script's step measures), median of the rounds. */
  steps: Record<string, number>;
}

export interface SpeedResult {
  rows: SpeedRow[];
  large: SpeedRow & { budgetMs: number };
  repetitions: number;
  chromiumVersion: string;
}

async function readabilitySource(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
}

/** Plain Readability as a content script file of the extension copy, as an extension would ship it. */
const PLAIN_READABILITY_FILE = 'bench-plain-readability.js';

function plainReadabilityScript(source: string): string {
  return `(() => { const module = { exports: {} }; (function (module) { ${source}\n })(module); self.__plainReadability = module.exports; })();\n`;
}

/** Injects plain Readability into a fresh tab and runs it once on a clone of the page, timed from the extension page. */
async function plainFirstClick(control: Page, tabId: number): Promise<number> {
  // A string, not a function: tsx would name the inner function with a helper the page lacks.
  return control.evaluate(`(async () => {
    const started = performance.now();
    await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: [${JSON.stringify(PLAIN_READABILITY_FILE)}] });
    await chrome.scripting.executeScript({
      target: { tabId: ${tabId} },
      func: () => { new self.__plainReadability(document.cloneNode(true)).parse(); },
    });
    return performance.now() - started;
  })()`);
}

/** The tab of a page the control page can address: the one tab open on the server's origin. */
async function tabOf(control: Page, url: string): Promise<number> {
  return control.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    const origin = new URL(target).origin;
    const tab = tabs.find((t) => t.url === target) ?? tabs.find((t) => t.url?.startsWith(`${origin}/`));
    return tab?.id ?? -1;
  }, url);
}

/** Runs in the page (main world) through DevTools, which page CSPs do not block. */
function timeReadabilityExpression(source: string): string {
  return `(() => {
    if (!window.__benchReadability) {
      const module = { exports: {} };
      (function (module) { ${source}\n })(module);
      window.__benchReadability = module.exports;
    }
    const started = performance.now();
    new window.__benchReadability(document.cloneNode(true)).parse();
    return performance.now() - started;
  })()`;
}

async function extractInTab(control: Page, tabId: number): Promise<{ isArticle: boolean }> {
  return control.evaluate(async (id) => {
    const reply = (await chrome.tabs.sendMessage(id, {
      channel: 'tidy-reader',
      to: 'content',
      type: 'reader.extract',
      req: {},
    })) as { ok: boolean; value?: { isArticle: boolean }; error?: { message: string } };
    if (!reply.ok) throw new Error(reply.error?.message ?? 'extraction failed');
    return { isArticle: reply.value?.isArticle ?? false };
  }, tabId);
}

/** The last extraction's duration and its steps' (a step run twice, as on a retry, is summed). */
function readTimings(marks: { extract: string; step: string }): { total: number; steps: Record<string, number> } {
  const extract = performance.getEntriesByName(marks.extract).at(-1);
  const steps: Record<string, number> = {};
  if (!extract) return { total: NaN, steps };
  const end = extract.startTime + extract.duration;
  for (const entry of performance.getEntriesByType('measure')) {
    if (!entry.name.startsWith(marks.step) || entry.startTime < extract.startTime || entry.startTime > end) continue;
    const step = entry.name.slice(marks.step.length);
    steps[step] = (steps[step] ?? 0) + entry.duration;
  }
  return { total: extract.duration, steps };
}

/** Per step, the median over rounds; a step missing from a round counts as taking no time. */
function medianSteps(rounds: readonly Record<string, number>[]): Record<string, number> {
  const names = [...new Set(rounds.flatMap((round) => Object.keys(round)))];
  return Object.fromEntries(names.map((name) => [name, median(rounds.map((round) => round[name] ?? 0))]));
}

export async function runSpeedBenchmark(
  pages: ReadonlyMap<string, () => string>,
  options: { repetitions?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SpeedResult> {
  const repetitions = options.repetitions ?? 4;
  const large = generateLargePage();
  const all = new Map(pages);
  all.set('large-page', () => large.html);
  const server = await servePages(all);
  const extension = await prepareExtensionCopy('chromium');
  const source = await readabilitySource();
  await writeFile(join(extension, PLAIN_READABILITY_FILE), plainReadabilityScript(source));
  const profile = await mkdtemp(join(tmpdir(), 'tidy-reader-bench-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const origin = worker.url().split('/').slice(0, 3).join('/');
    const control = await context.newPage();
    await control.goto(`${origin}/options.html`);
    const chromiumVersion = context.browser()?.version() ?? (await control.evaluate(() => navigator.userAgent));
    const rows: SpeedRow[] = [];
    let done = 0;
    for (const name of all.keys()) {
      const url = server.url(name);
      // Plain Readability's first click, in a fresh tab of its own (closed before ours opens).
      const plainPage = await context.newPage();
      await plainPage.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const plainTab = await tabOf(control, url);
      if (plainTab < 0) throw new Error(`no tab found for ${name} (${url})`);
      const plainClick = await plainFirstClick(control, plainTab);
      await plainPage.close();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      // A page's own script may change its address (history.replaceState): the one page tab open
      // on the server's origin is the page's.
      const tabId = await tabOf(control, url);
      if (tabId < 0) throw new Error(`no tab found for ${name} (${url})`);
      // Timed from the extension page, as plain Readability's: injecting (the script is compiled
      // then) and the first extraction, each a round trip.
      const click = await control.evaluate(async (id) => {
        const started = performance.now();
        await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
        const injected = performance.now();
        await chrome.tabs.sendMessage(id, { channel: 'tidy-reader', to: 'content', type: 'reader.extract', req: {} });
        return { inject: injected - started, total: performance.now() - started };
      }, tabId);
      const injectMs = click.inject;
      const ours: number[] = [];
      const oursSteps: Record<string, number>[] = [];
      const readability: number[] = [];
      let isArticle = false;
      const timeReadability = async (): Promise<void> => {
        readability.push((await page.evaluate(timeReadabilityExpression(source))) as number);
      };
      const timeOurs = async (): Promise<void> => {
        // The content script answers an unchanged page with the result it kept (src/content/
        // kept-result.ts): one node added makes the page changed, so each round extracts again.
        const before = await page.evaluate((mark) => {
          document.body.append(document.createComment('bench round'));
          return performance.getEntriesByName(mark).length;
        }, EXTRACT_MARK);
        isArticle = (await extractInTab(control, tabId)).isArticle;
        const after = await page.evaluate((mark) => performance.getEntriesByName(mark).length, EXTRACT_MARK);
        if (after !== before + 1) throw new Error(`${name}: a round was not an extraction (the kept result answered)`);
        const timings = await page.evaluate(readTimings, { extract: EXTRACT_MARK, step: STEP_MARK });
        ours.push(timings.total);
        oursSteps.push(timings.steps);
      };
      // The order alternates: whichever runs second pays for the garbage the first one left
      // (Readability's whole-document clone), which would otherwise always count against us.
      // The first click was ours's first round: its timings are in the page's measures.
      const first = await page.evaluate(readTimings, { extract: EXTRACT_MARK, step: STEP_MARK });
      ours.push(first.total);
      oursSteps.push(first.steps);
      await timeReadability();
      for (let r = 1; r < repetitions; r++) {
        if (r % 2 === 1) {
          await timeReadability();
          await timeOurs();
        } else {
          await timeOurs();
          await timeReadability();
        }
      }
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      rows.push({
        name,
        elements,
        ours: median(ours),
        readability: median(readability),
        oursRuns: ours,
        readabilityRuns: readability,
        injectMs,
        firstClick: { ours: click.total, readability: plainClick },
        isArticle,
        steps: medianSteps(oursSteps),
      });
      await page.close();
      options.onProgress?.(++done, all.size);
    }
    const largeRow = rows.pop() as SpeedRow;
    return { rows, large: { ...largeRow, budgetMs: DEFAULT_BUDGET_MS }, repetitions, chromiumVersion };
  } finally {
    await context.close();
    await server.close();
  }
}
