/**
 * The content script's extraction handler leaves its timings in the page's performance timeline:
 * one measure per extraction and one per step, which the speed benchmark reads. Asked again about
 * an unchanged page, it answers with the result it kept; any change to the page, its address or
 * the options means a fresh extraction.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentHandlers, EXTRACT_MARK, KEPT_MARK, STEP_MARK } from '../../../src/content/handlers';
import { loadFixture, parseFixture } from '../support/fixtures';

const stepMeasures = (): PerformanceEntry[] =>
  performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith(STEP_MARK));

describe('the extraction handler', () => {
  afterEach(() => {
    performance.clearMeasures();
    performance.clearMarks();
  });

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
      // Whether the page's main content could replace the pick: on this article it cannot, so it
      // is not read (see mayHoldMoreWords).
      'page-content-size',
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

describe('the extraction handler asked again', () => {
  const fixture = loadFixture('magazine-seed');
  const extractions = (): number => performance.getEntriesByName(EXTRACT_MARK).length;
  /** Lets the page's MutationObservers report. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  afterEach(() => {
    performance.clearMeasures();
    performance.clearMarks();
  });

  it('answers with the kept result while the page is unchanged, identical to a fresh extraction', async () => {
    const handlers = createContentHandlers(parseFixture(fixture));
    const first = await handlers['reader.extract']({}, {});
    await settle();
    const again = await handlers['reader.extract']({}, {});
    expect(again).toBe(first);
    expect(extractions()).toBe(1);
    expect(performance.getEntriesByName(KEPT_MARK)).toHaveLength(1);
    // What a content script injected into a fresh copy of the page answers.
    const fresh = await createContentHandlers(parseFixture(fixture))['reader.extract']({}, {});
    expect(JSON.stringify(again)).toBe(JSON.stringify(fresh));
  });

  it('extracts again after the page changed, and reads the change', async () => {
    const doc = parseFixture(fixture);
    const handlers = createContentHandlers(doc);
    const first = await handlers['reader.extract']({}, {});
    await settle();
    const paragraph = [...doc.querySelectorAll('p')].find((p) => first.text.includes(p.textContent.trim()));
    expect(paragraph).toBeDefined();
    paragraph!.append(' A sentence the page added later.');
    const again = await handlers['reader.extract']({}, {});
    expect(extractions()).toBe(2);
    expect(again.text).toContain('A sentence the page added later.');
    expect(first.text).not.toContain('A sentence the page added later.');
  });

  it('extracts again for other options', async () => {
    const handlers = createContentHandlers(parseFixture(fixture));
    await handlers['reader.extract']({}, {});
    await handlers['reader.extract']({ force: true }, {});
    await handlers['reader.extract']({ force: true, keepComments: true }, {});
    expect(extractions()).toBe(3);
    await handlers['reader.extract']({ force: true, keepComments: true }, {});
    expect(extractions()).toBe(3);
  });

  it('extracts again at a new address, though no node changed (a same-document navigation)', async () => {
    const dom = new JSDOM(fixture.html, { url: fixture.url });
    const handlers = createContentHandlers(dom.window.document);
    const first = await handlers['reader.extract']({}, {});
    dom.window.history.pushState(null, '', '/elsewhere/');
    const again = await handlers['reader.extract']({}, {});
    expect(extractions()).toBe(2);
    expect(first.url).toBe(fixture.url);
    expect(again.url).toBe('http://127.0.0.1/elsewhere/');
  });
});
