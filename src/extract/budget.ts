/**
 * The engine's time budget. Readability runs synchronously and cannot be interrupted, so the
 * budget is checked between steps: optional steps are skipped once it is spent, and the element
 * limit keeps any single step bounded.
 */
export interface Budget {
  /** Milliseconds left (negative once spent). */
  remaining(): number;
  isSpent(): boolean;
  elapsed(): number;
}

export type Clock = () => number;

const defaultClock: Clock = () => globalThis.performance?.now() ?? Date.now();

export function createBudget(ms: number, clock: Clock = defaultClock): Budget {
  const started = clock();
  return {
    remaining: () => ms - (clock() - started),
    isSpent: () => clock() - started >= ms,
    elapsed: () => clock() - started,
  };
}
