// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createThrottledObserver } from '../../../src/content/clutter/throttled-observer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createThrottledObserver', () => {
  it('runs at most once per interval under a page that never stops changing, and never after disconnect', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let runs = 0;
    const observer = createThrottledObserver(root, () => runs++, { intervalMs: 200, quietMs: 50 });
    const ticker = setInterval(() => root.append(document.createElement('span')), 5);
    await sleep(1000);
    clearInterval(ticker);
    // 1,000 ms of changes every 5 ms: at most one run per 200 ms, and at least one.
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(6);
    expect(observer.runs).toBe(runs);
    observer.disconnect();
    const before = runs;
    root.append(document.createElement('span'));
    await sleep(300);
    expect(runs).toBe(before);
  });

  it('runs once, soon, after a single late widget; attribute changes do not wake it', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let runs = 0;
    const observer = createThrottledObserver(root, () => runs++, { intervalMs: 200, quietMs: 50 });
    root.setAttribute('data-x', '1');
    await sleep(120);
    expect(runs).toBe(0);
    root.append(document.createElement('aside'));
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 2000 });
    await sleep(300);
    expect(runs).toBe(1);
    observer.disconnect();
  });
});
