/**
 * "Read next" in the full-tab reader, in Chromium and Firefox, with three saved articles: the first
 * of the reading list (newest first) ends with the second, whose link opens it from the keyboard;
 * Shift+N there opens the third.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { importArticles, syntheticArticles } from './support/library-seed';

const ARTICLES = syntheticArticles(3, { hasPicture: () => false, progress: () => null, paragraphs: 12 });
/** Newest first: the list's n-th article is the one saved n-th from last. */
const titleAt = (row: number) => ARTICLES[ARTICLES.length - 1 - row]!.record.title;
const idAt = (row: number) => ARTICLES[ARTICLES.length - 1 - row]!.record.id;

/** Waits for the reader to show article `id`, across the navigation that brings it. */
async function waitForArticle(page: TestPage, id: string, title: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const shown = await page
      .evaluate(
        (expected) =>
          new URLSearchParams(location.search).get('id') === expected.id &&
          document.querySelector('.page-root:not([hidden]) h1')?.textContent === expected.title,
        { id, title },
      )
      .catch(() => false);
    if (shown) return;
    if (Date.now() > deadline) throw new Error(`The reader did not show ${id}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(BROWSERS)('read next in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('ends the first article with the second, opens it from its link, and the third with Shift+N', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    await importArticles(ext, ARTICLES);
    await ext.close();

    const reader = await suite.harness.openExtensionPage(`reader.html?id=${idAt(0)}`);
    await waitForArticle(reader, idAt(0), titleAt(0));
    const block = await reader.waitFor(() => {
      const section = document.querySelector('.read-next');
      const link = section?.querySelector<HTMLAnchorElement>('a.read-next__link');
      if (!section || !link) return null;
      section.scrollIntoView({ block: 'end', behavior: 'instant' });
      const heading = document.getElementById(section.getAttribute('aria-labelledby') ?? '');
      return { heading: heading?.textContent, title: link.textContent, href: link.getAttribute('href') };
    });
    expect(block).toEqual({ heading: 'Read next', title: titleAt(1), href: `reader.html?id=${idAt(1)}` });
    // After the article's last paragraph.
    expect(
      await reader.evaluate(() => {
        const paragraphs = document.querySelectorAll('.article__body p');
        const last = paragraphs[paragraphs.length - 1]!;
        return !!(
          last.compareDocumentPosition(document.querySelector('.read-next')!) & Node.DOCUMENT_POSITION_FOLLOWING
        );
      }),
    ).toBe(true);
    await reader.screenshot(`out/screenshots/read-next-${browserName}.png`, '.read-next');

    // A real link: focused and activated from the keyboard.
    await reader.evaluate(() => document.querySelector<HTMLAnchorElement>('.read-next__link')!.focus());
    await reader.press('Enter');
    await waitForArticle(reader, idAt(1), titleAt(1));
    await reader.waitFor(() => document.querySelector('.read-next__link'));
    expect(await reader.text('.read-next__link')).toBe(titleAt(2));

    await reader.press('Shift+N');
    await waitForArticle(reader, idAt(2), titleAt(2));
    await reader.close();
  });
});
