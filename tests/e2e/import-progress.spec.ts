/**
 * A large import from the library page, in Chromium and Firefox: a generated library archive of a
 * few thousand small articles is chosen in Export and import → the progress bar moves chunk by
 * chunk → Cancel stops it, and the list shows the articles stored so far → importing the same file
 * again adds only the rest → a corrupt file is refused with a clear message and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/library-io/bytes';
import { exportLibraryArchive } from '../../src/library-io/export/library-archive';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { syntheticArticles } from './support/library-seed';

const COUNT = 3000;

async function generatedArchive(): Promise<string> {
  const articles = syntheticArticles(COUNT, { hasPicture: () => false, progress: () => null, paragraphs: 1 });
  const archive = await exportLibraryArchive(articles, { exportedAt: new Date(), baseName: 'generated' });
  return bytesToBase64(archive.bytes);
}

/**
 * Chooses a file in the import field as a person would (the field's change event with its
 * files), and records every value the progress bar takes from then on.
 */
function chooseFile(page: TestPage, base64: string, name: string): Promise<void> {
  return page.evaluate(
    ([data, fileName]) => {
      const values: number[] = [];
      (window as unknown as { progressValues: number[] }).progressValues = values;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('.import-progress progress');
        if (bar?.hasAttribute('value') && values.at(-1) !== bar.value) values.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'application/zip' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [base64, name] as const,
  );
}

const progressValues = (page: TestPage) =>
  page.evaluate(() => (window as unknown as { progressValues: number[] }).progressValues);

/** The library's notice once it starts with `start` (the import's summary comes at its end). */
const noticeStarting = (page: TestPage, start: string) =>
  page.waitFor(
    (prefix) => {
      const text = document.querySelector('.notice p')?.textContent ?? '';
      return text.startsWith(prefix) ? text : null;
    },
    start,
    120_000,
  );

describe.each(BROWSERS)('import progress in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('moves the progress bar, cancels keeping what was stored, and a second import adds the rest', async () => {
    const file = await generatedArchive();
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.library__header h1'));
    await library.click('.library__header-actions .menu__button');
    await chooseFile(library, file, 'generated.zip');

    // Labelled, and counting as it goes: "250 of 3,000 articles".
    const label = await library.waitFor(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('#import-progress-bar');
        return bar && bar.value >= 500 ? bar.labels[0]?.textContent : null;
      },
      undefined,
      120_000,
    );
    expect(label).toBe('Importing articles');
    expect(await library.text('.import-progress__count')).toMatch(/^[\d,]+ of 3,000 articles$/);
    await library.click('.import-progress button');

    const stopped = await noticeStarting(library, 'Import stopped');
    const [, kept = ''] = /^Import stopped: ([\d,]+) new, 0 updated, 0 skipped\./.exec(stopped ?? '') ?? [];
    const keptCount = Number(kept.replace(/,/g, ''));
    expect(keptCount).toBeGreaterThanOrEqual(500);
    expect(keptCount).toBeLessThan(COUNT);
    const values = await progressValues(library);
    // The bar moved chunk by chunk, never backwards, and stopped where the import did.
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(keptCount);
    await library.waitFor(() => !document.querySelector('.import-progress'));
    // The list shows what was kept.
    const listed = await library.waitFor(
      (n) => document.querySelector('.library__count')?.textContent === `${n.toLocaleString('en')} articles` && n,
      keptCount,
    );
    expect(listed).toBe(keptCount);
    expect(await library.evaluate(() => document.querySelectorAll('.entry').length)).toBeGreaterThan(0);

    await chooseFile(library, file, 'generated.zip');
    expect(await noticeStarting(library, 'Imported:')).toBe(
      `Imported: ${(COUNT - keptCount).toLocaleString('en')} new, ${keptCount.toLocaleString('en')} updated, 0 skipped.`,
    );
    await library.waitFor(() => document.querySelector('.library__count')?.textContent === '3,000 articles');
    await library.close();
  }, 300_000);

  it('refuses a corrupt file with a clear message and keeps the library as it was', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.library__count')?.textContent === '3,000 articles');
    const zipStart = bytesToBase64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    await chooseFile(library, zipStart, 'broken.zip');
    const alert = await library.waitFor(() => document.querySelector('.notice [role="alert"]')?.textContent);
    expect(alert).toMatch(/damaged/);
    await library.reload();
    await library.waitFor(() => document.querySelector('.library__count')?.textContent === '3,000 articles');
    await library.close();
  });
});
