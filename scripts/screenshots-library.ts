/**
 * `npm run screenshots:library`: the README's pictures of the library page, light and dark, rows
 * and cards, taken in Chromium from the built extension (run `npm run build` first) with a dozen
 * synthetic articles. Writes docs/screenshots/library-*.png.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/support/harness';
import { gradientPng, importArticles, syntheticArticles } from '../tests/e2e/support/library-seed';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');

const harness = await launchChromium();
try {
  const ext = await harness.openExtensionPage('options.html');
  const pictures = [gradientPng(320, 200, 20), gradientPng(320, 200, 140), gradientPng(320, 200, 220)];
  const articles = syntheticArticles(12, {
    hasPicture: (i) => i % 4 !== 1,
    progress: (i) => (i % 3 === 0 ? 0.2 + (i % 5) * 0.15 : null),
    paragraphs: 2,
  }).map((a, i) => ({ ...a, images: a.images.map((img) => ({ ...img, bytes: pictures[i % 3]! })) }));
  await importArticles(ext, articles);
  await ext.close();
  for (const layout of ['rows', 'cards'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const page = await harness.openExtensionPage('library.html');
      await page.evaluate(
        ([name, kind]) => {
          localStorage.setItem('tidy-reader.library.layout', kind);
          return chrome.storage.local.set({ readerSettings: { value: { theme: name }, savedAt: Date.now() + 1000 } });
        },
        [theme, layout] as const,
      );
      await page.reload();
      await page.waitFor(
        (name) =>
          document.documentElement.dataset.theme === name && document.querySelectorAll('.entry__thumb img').length >= 4,
        theme,
      );
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const name = layout === 'rows' ? `library-${theme}.png` : `library-cards-${theme}.png`;
      await page.screenshot(resolve(OUT, name));
      console.log(`wrote docs/screenshots/${name}`);
      await page.close();
    }
  }
} finally {
  await harness.close();
}
