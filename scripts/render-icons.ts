/**
 * Renders icons/icon.svg to the PNG sizes the manifest lists, with Chromium. Run after editing the
 * SVG (`npm run icons`); the PNGs are committed so that a build needs no browser.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/e2e/support/browsers';

const iconsDir = resolve(import.meta.dirname, '../icons');
const svg = await readFile(join(iconsDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}"></body></html>`,
    );
    await page.screenshot({ path: join(iconsDir, `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('Rendered icons/icon-{16,32,48,128}.png');
