/**
 * Preact runs effects after paint: on a requestAnimationFrame, or on a 100 ms timer that then
 * cancels the frame. A timer left pending when a jsdom file ends fires after the environment is
 * gone ("cancelAnimationFrame is not defined"). Each DOM test file waits for those timers before
 * its environment is torn down.
 */
import { afterAll } from 'vitest';

const PREACT_PAINT_TIMEOUT_MS = 100;

afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, PREACT_PAINT_TIMEOUT_MS + 20));
});
