/**
 * Watches a subtree for added or removed nodes (widgets that load late) and calls `run` at most
 * once per `intervalMs`, after the page has been quiet for `quietMs` or when the interval is up,
 * whichever comes first. Attribute changes are not watched: the hider's own marks are attributes,
 * so its runs never wake it again.
 */
export interface ThrottledObserver {
  /** Runs so far, for tests and benchmarks. */
  readonly runs: number;
  disconnect(): void;
}

export interface ThrottleOptions {
  intervalMs?: number;
  quietMs?: number;
}

export function createThrottledObserver(
  target: Node,
  run: () => void,
  { intervalMs = 500, quietMs = 100 }: ThrottleOptions = {},
): ThrottledObserver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = -Infinity;
  let firstPending = 0;
  let runs = 0;
  let stopped = false;

  const fire = (): void => {
    timer = null;
    if (stopped) return;
    lastRun = performance.now();
    runs += 1;
    run();
  };

  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (timer === null) firstPending = now;
    else clearTimeout(timer);
    // Wait for quiet, but never past the end of the interval since the first pending change, and
    // never sooner than the interval after the last run.
    const due = Math.max(lastRun + intervalMs, Math.min(now + quietMs, firstPending + intervalMs));
    timer = setTimeout(fire, Math.max(0, due - now));
  });
  observer.observe(target, { childList: true, subtree: true });

  return {
    get runs() {
      return runs;
    },
    disconnect() {
      stopped = true;
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
