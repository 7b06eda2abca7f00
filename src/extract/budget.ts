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

/** Milliseconds from any fixed point: the caller's (the content script measures with `performance`). */
export type Clock = () => number;

export function createBudget(ms: number, clock: Clock = Date.now): Budget {
  const started = clock();
  return {
    remaining: () => ms - (clock() - started),
    isSpent: () => clock() - started >= ms,
    elapsed: () => clock() - started,
  };
}
