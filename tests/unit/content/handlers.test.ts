/**
 * The content script's extraction handler leaves its timings in the page's performance timeline:
 * one measure per extraction and one per step, which the speed benchmark reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createContentHandlers, EXTRACT_MARK, STEP_MARK } from '../../../src/content/handlers';
import { loadFixture, parseFixture } from '../support/fixtures';

const stepMeasures = (): PerformanceEntry[] =>
  performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith(STEP_MARK));

describe('the extraction handler', () => {
  afterEach(() => performance.clearMeasures());

  it('measures the extraction and each of its steps, in the order they ran', async () => {
    const handlers = createContentHandlers(parseFixture(loadFixture('magazine-seed')));
    const result = await handlers['reader.extract']({}, {});
    expect(result.isArticle).toBe(true);

    const [extraction] = performance.getEntriesByName(EXTRACT_MARK);
    expect(performance.getEntriesByName(EXTRACT_MARK)).toHaveLength(1);
    const steps = stepMeasures();
    expect(steps.map((entry) => entry.name.slice(STEP_MARK.length))).toEqual([
      'start',
      'classify',
      'region',
      'copy',
      'anchor',
      'prepare',
      'clutter',
      'captions',
      'readability',
      'urls',
      'metadata',
      'interface-lines',
      'head',
      'tail',
      'text',
      // The page's main content, which may replace the pick on this page (see mayPreferPageContent).
      'page-content',
      'sanitise',
      'result',
    ]);
    // One after the other, inside the extraction: together they account for all of it.
    const start = extraction?.startTime ?? NaN;
    const end = start + (extraction?.duration ?? NaN);
    let previousEnd = start;
    for (const step of steps) {
      expect(step.startTime).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = step.startTime + step.duration;
    }
    expect(previousEnd).toBeLessThanOrEqual(end);
    expect(end - previousEnd).toBeLessThan(0.1 * (extraction?.duration ?? 0) + 1);
  });
});
