/**
 * For finding what a scrolled frame of the library is made of: opens the library of a profile
 * seeded by `BENCH_PROFILE=<folder> npm run bench:library`, scrolls it to its end as the bench
 * does (a screenful per frame) with Chrome's tracing on, and prints the main thread's time by
 * kind of work, per frame. `TRACE_OUT=<file>` also writes the trace (for DevTools' Performance
 * panel). Usage: `BENCH_PROFILE=<folder> npx tsx scripts/trace-library-scroll.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { launchChromium } from '../tests/e2e/support/harness';
import { SCROLL_TO_END_SCRIPT, type ScrolledToEnd } from './lib/library-scroll';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the work cost, less the time other processes had the core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const FIRST_SCREEN_MARK = 'tidy-reader:library-first-screen';
const kept = process.env.BENCH_PROFILE;
if (!kept) throw new Error('BENCH_PROFILE=<folder of a seeded profile> is needed');

async function main(): Promise<void> {
  const harness = await launchChromium({ keptIn: kept });
  try {
    const page = await harness.openExtensionPage('library.html');
    await page.waitFor((mark) => performance.getEntriesByName(mark).length > 0, FIRST_SCREEN_MARK, 30_000);
    await page.evaluateScript(SCROLL_TO_END_SCRIPT);
    await page.evaluateScript(`scrollTo({ top: 0, behavior: 'instant' })`);
    await new Promise((done) => setTimeout(done, 300));
    const session = await page.cdp!();
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
    const finished = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
    await session.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: ['devtools.timeline', 'blink', 'cc', 'v8.execute', 'disabled-by-default-devtools.timeline'],
        excludedCategories: ['*'],
      },
    });
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    const { frames } = (await page.evaluateScript(SCROLL_TO_END_SCRIPT)) as ScrolledToEnd;
    const { profile } = await session.send('Profiler.stop');
    await session.send('Tracing.end');
    await finished;
    // The page's script by function (self time), from the sampling profiler.
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const fnSelf = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const frame = byNode.get(id)?.callFrame;
      const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}:${frame?.lineNumber ?? 0}:${frame?.columnNumber ?? 0}`;
      fnSelf.set(key, (fnSelf.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
    });
    console.log('script by function (self, ms a frame):');
    for (const [key, ms] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${(ms / 1175).toFixed(2).padStart(6)}  ${key}`);
    if (process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
    const sorted = [...frames].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
    console.log(`${frames.length} frames: p50 ${q(0.5)} p95 ${q(0.95)} max ${q(1)} ms`);

    // The page's main thread: the renderer thread that ran the library's scripts.
    const threadNames = new Map<string, string>();
    for (const e of events)
      if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const busy = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && e.name === 'FunctionCall')
        busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
    const main = [...busy].filter(([k]) => threadNames.get(k) === 'CrRendererMain').sort((a, b) => b[1] - a[1])[0]?.[0];
    const onMain = events
      .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Self time by name: each event's time less that of the events inside it.
    const self = new Map<string, { ms: number; cpu: number; n: number }>();
    const stack: { e: TraceEvent; children: number; childrenCpu: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= until) {
        const { e, children, childrenCpu } = stack.pop()!;
        const entry = self.get(e.name) ?? { ms: 0, cpu: 0, n: 0 };
        entry.ms += (e.dur! - children) / 1000;
        entry.cpu += ((e.tdur ?? e.dur!) - childrenCpu) / 1000;
        entry.n++;
        self.set(e.name, entry);
        if (stack.length > 0) {
          stack[stack.length - 1]!.children += e.dur!;
          stack[stack.length - 1]!.childrenCpu += e.tdur ?? e.dur!;
        }
      }
    };
    for (const e of onMain) {
      close(e.ts);
      stack.push({ e, children: 0, childrenCpu: 0 });
    }
    close(Infinity);
    const total = [...self.values()].reduce((s, v) => s + v.ms, 0);
    const cpu = [...self.values()].reduce((s, v) => s + v.cpu, 0);
    const per = (ms: number) => (ms / frames.length).toFixed(2).padStart(7);
    console.log(`main thread busy ${per(total)} ms a frame, on the CPU ${per(cpu)} ms (the rest: waiting for a core)`);
    console.log(`${'work'.padEnd(44)}    wall    cpu (ms a frame)  events`);
    for (const [name, { ms, cpu: onCpu, n }] of [...self].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 30))
      console.log(`${name.slice(0, 44).padEnd(44)} ${per(ms)} ${per(onCpu)}  ${String(n).padStart(6)}`);
    await page.close();
  } finally {
    await harness.close();
  }
}

await main();
