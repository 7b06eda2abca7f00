/**
 * `npm run bench:clutter`: the live hider's script pass in headless Chromium, with the built
 * extension — on the demo page (target ≤ 5 ms), on a generated 40,000-element page (≤ 50 ms) —
 * and how often the MutationObserver re-runs under a page that mutates 100 times a second (a few
 * runs per second at most). Each pass is timed by the page script's own performance measure.
 * Results go to bench/results/clutter.md. Then the comment bench (lib/comment-bench.ts) measures
 * comment hiding on the labelled pages of bench/comments: bench/results/comments.md.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, type TestPage } from '../../tests/e2e/support/harness';
import { generateLargePage } from '../../tests/fixtures/generated/large-page';
import { writeCommentReport } from './lib/comment-bench';
import { servePages } from './lib/page-server';
import { median } from './lib/stats';

const root = resolve(import.meta.dirname, '../..');
const MARK = 'tidy-reader:clutter';
const COMPILE_MARK = 'tidy-reader:clutter-compile';
const REPETITIONS = 21;
/** Fresh tabs per page: a cold pass happens once per tab, so its median needs several. */
const COLD_TABS = 7;
/**
 * Targets: both passes on the demo page and on the 40,000-element page. On an always-on site
 * every page load pays a cold pass (a fresh script in a fresh document), so the cold pass is
 * judged on the demo page too, not only the warm re-runs.
 */
const DEMO_TARGET_MS = 5;
const LARGE_TARGET_MS = 50;
const OBSERVER_RUNS_PER_SECOND = 2;
const OBSERVE_SECONDS = 5;
const PLAN = { groups: { comments: true, promos: true }, picked: [] as string[] };

/** A small article whose page adds a node every 10 ms, forever (a ticker, a live blog). */
function mutatingPage(demo: string): string {
  const script = `<script>setInterval(() => { const d = document.createElement('div'); d.textContent = 'tick ' + Date.now(); document.querySelector('main, body').append(d); }, 10);</script>`;
  return demo.replace('</body>', `${script}</body>`);
}

async function send(control: TestPage, tabId: number, type: string, req: object): Promise<unknown> {
  return control.evaluate(
    async ({ id, type, req }) => {
      const reply = (await chrome.tabs.sendMessage(id, { channel: 'tidy-reader', to: 'clutter', type, req })) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      if (!reply.ok) throw new Error(reply.error?.message ?? type);
      return reply.value;
    },
    { id: tabId, type, req },
  );
}

async function marks(page: TestPage): Promise<number[]> {
  return page.evaluate((mark) => performance.getEntriesByName(mark).map((e) => e.duration), MARK);
}

interface PassRow {
  name: string;
  elements: number;
  /** Median of the first passes of the fresh tabs, and their range. */
  cold: number;
  coldRange: [number, number];
  compile: number;
  /** Median of the fresh tabs' script loads (injection round trip, compile included). */
  inject: number;
  median: number;
  max: number;
  counts: unknown;
}

async function main(): Promise<void> {
  const demo = await readFile(join(root, 'tests/fixtures/pages/magazine-seed/source.html'), 'utf8');
  const large = generateLargePage();
  const pages = new Map<string, () => string>([
    ['demo', () => demo],
    ['large', () => large.html],
    ['mutating', () => mutatingPage(demo)],
  ]);
  // Our own pages; the mutating one needs its script to run.
  const server = await servePages(pages, { allowScripts: true });
  // The end-to-end harness's Chromium: the built extension, granted 127.0.0.1 like a user's click.
  const harness = await launchChromium();
  try {
    const control = await harness.openExtensionPage('options.html');
    const version = await control.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');

    const open = async (name: string) => {
      const url = server.url(name);
      const page = await harness.open(url);
      const tabId = await harness.tabIdOf(url);
      // Loading the script (fetched, compiled, its top level run), timed round trip from the extension page.
      const injectMs = await control.evaluate(async (id) => {
        const started = performance.now();
        await chrome.scripting.executeScript({ target: { tabId: id }, files: ['clutter.js'] });
        return performance.now() - started;
      }, tabId);
      return { page, tabId, injectMs };
    };

    const rows: PassRow[] = [];
    for (const name of ['demo', 'large']) {
      const colds: number[] = [];
      const compiles: number[] = [];
      const injects: number[] = [];
      let warm: number[] = [];
      let counts: unknown = null;
      let elements = 0;
      for (let tab = 0; tab < COLD_TABS; tab++) {
        const { page, tabId, injectMs } = await open(name);
        injects.push(injectMs);
        // The first tab also takes the warm passes (an observer re-run, or a switch flipped).
        const passes = tab === 0 ? REPETITIONS : 1;
        for (let r = 0; r < passes; r++)
          counts = ((await send(control, tabId, 'clutter.apply', PLAN)) as { counts: unknown }).counts;
        const runs = await marks(page);
        colds.push(runs[0] ?? NaN);
        if (tab === 0) warm = runs.slice(1);
        compiles.push(
          await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.duration ?? NaN, COMPILE_MARK),
        );
        elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        await page.close();
      }
      rows.push({
        name,
        elements,
        cold: median(colds),
        coldRange: [Math.min(...colds), Math.max(...colds)],
        compile: median(compiles),
        inject: median(injects),
        median: median(warm),
        max: Math.max(...warm),
        counts,
      });
    }

    const { page: busy, tabId: busyTab } = await open('mutating');
    await send(control, busyTab, 'clutter.apply', PLAN);
    const before = (await marks(busy)).length;
    const mutationsBefore = await busy.evaluate(() => document.body.getElementsByTagName('div').length);
    await new Promise((r) => setTimeout(r, OBSERVE_SECONDS * 1000));
    const observerRuns = (await marks(busy)).slice(before);
    const mutations = (await busy.evaluate(() => document.body.getElementsByTagName('div').length)) - mutationsBefore;
    if (mutations <= 0)
      throw new Error(
        'The mutating page made no insertions: its script did not run, so the observer was not measured.',
      );
    await send(control, busyTab, 'clutter.showAll', {});
    const afterShowAll = (await marks(busy)).length;
    await new Promise((r) => setTimeout(r, 1000));
    const runsAfterShowAll = (await marks(busy)).length - afterShowAll;
    await busy.close();

    const runsPerSecond = observerRuns.length / OBSERVE_SECONDS;
    const [demoRow, largeRow] = rows as [PassRow, PassRow];
    const verdict = (ok: boolean) => (ok ? 'met' : '**NOT met**');
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const targets = [
      {
        what: 'demo page, cold first pass (median of fresh tabs)',
        value: demoRow.cold,
        target: DEMO_TARGET_MS,
      },
      { what: 'demo page, warm pass (median)', value: demoRow.median, target: DEMO_TARGET_MS },
      {
        what: '40,000-element page, cold first pass (median of fresh tabs)',
        value: largeRow.cold,
        target: LARGE_TARGET_MS,
      },
      { what: '40,000-element page, warm pass (median)', value: largeRow.median, target: LARGE_TARGET_MS },
    ];
    const observerOk = runsPerSecond <= OBSERVER_RUNS_PER_SECOND;
    const missed = [...targets.filter((t) => !(t.value <= t.target)), ...(observerOk ? [] : ['observer'])];
    const report = `# Live clutter hiding: script pass and observer

Chromium ${version}, headless, the built extension loaded (the end-to-end harness), pages served from
127.0.0.1. The pass is \`clutter.apply\` with comments and promos on: find the article
body and mark it and its ancestors kept, classify the page by the rules' selectors, read short
texts for headings such as "Watch more on …", mark and count; timed by the page script's own
\`${MARK}\` measure. The stylesheets themselves are applied by the browser and are not part of it.
Each page is opened in ${COLD_TABS} fresh tabs, the script injected into each: its first pass is cold (rules
compiled — the compile column — JIT cold, page not yet marked); in the first tab ${REPETITIONS - 1} more passes
follow, warm (an observer re-run, or a switch flipped): their median and maximum. The script
asks V8 to compile all of it when it loads (\`//# allFunctionsCalledOnLoad\`), so the cold pass
compiles nothing; "script load before it" is that load, timed from the extension page (the
injection's round trip): a page pays for both.
The machine is a shared 2-core VM (load average ${loadavg()[0]?.toFixed(1)} when the run ended): expect
run-to-run spread. Written by \`npm run bench:clutter\` on ${new Date().toISOString().slice(0, 10)}.

| page | elements | cold (median of ${COLD_TABS} fresh tabs) | cold, range | of it, compile | script load before it | warm median | warm max |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows
  .map(
    (row) =>
      `| ${row.name === 'demo' ? 'demo (magazine-seed)' : 'generated large page'} | ${row.elements.toLocaleString('en')} | ${ms(row.cold)} | ${ms(row.coldRange[0])}–${ms(row.coldRange[1])} | ${ms(row.compile)} | ${ms(row.inject)} | ${ms(row.median)} | ${ms(row.max)} |`,
  )
  .join('\n')}

${missed.length === 0 ? 'All targets: met.' : `Targets **NOT met**: ${missed.length} of ${targets.length + 1}.`}

| target | measured | bar | |
| --- | ---: | ---: | --- |
${targets.map((t) => `| ${t.what} | ${ms(t.value)} | ≤ ${t.target} ms | ${verdict(t.value <= t.target)} |`).join('\n')}
| observer re-runs under a page that never stops changing | ${runsPerSecond.toFixed(1)} per second | ≤ ${OBSERVER_RUNS_PER_SECOND} per second | ${verdict(observerOk)} |

Hidden on the demo page: \`${JSON.stringify(demoRow.counts)}\`; on the large page: \`${JSON.stringify(largeRow.counts)}\`.

## Observer under a page that never stops mutating

The demo page plus a script that appends a node every 10 ms. Over ${OBSERVE_SECONDS} s the page made
${mutations} insertions; the observer re-ran the pass **${observerRuns.length} times (${runsPerSecond.toFixed(1)} per
second)**, median ${median(observerRuns).toFixed(2)} ms each (target: at most ${OBSERVER_RUNS_PER_SECOND} per second —
${verdict(observerOk)}). After "show everything" it ran ${runsAfterShowAll} times in the next second
(disconnected).
`;
    await mkdir(join(root, 'bench/results'), { recursive: true });
    await writeFile(join(root, 'bench/results/clutter.md'), report);
    console.log(report);
  } finally {
    await harness.close();
    await server.close();
  }
}

await main();
// The labelled comment set (issue 21): its own browser and report, bench/results/comments.md.
await writeCommentReport();
