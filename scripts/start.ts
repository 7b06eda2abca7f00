/**
 * `npm start`: serves the demo article on 127.0.0.1 and opens a browser with the built extension.
 * With a display, the browser stays open for you to click the toolbar button; without one, it
 * takes screenshots of the popup and side panel into out/ and exits. `-- --firefox` for Firefox.
 */
import { resolve } from 'node:path';
import { startFixtureServer } from '../tests/e2e/support/fixture-server';
import { launchExtension, type BrowserName } from '../tests/e2e/support/harness';

const browserName: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(import.meta.dirname, '../out');

const server = await startFixtureServer();
const demoUrl = server.pageUrl('magazine-seed');
console.log(`Demo article: ${demoUrl}`);

if (hasDisplay) {
  // A real session: no permissions granted up front, the toolbar button grants access as it would for a user.
  const harness = await launchExtension(browserName, { headless: false, hosts: [] });
  await harness.open(demoUrl);
  console.log('Click the Tidy Reader button in the toolbar. Close the browser to stop.');
  await Promise.race([harness.closed, new Promise((done) => process.once('SIGINT', done))]);
  await harness.close().catch(() => undefined);
} else {
  const harness = await launchExtension(browserName, { headless: true });
  try {
    await harness.open(demoUrl);
    const tabId = await harness.tabIdOf(demoUrl);
    for (const page of ['popup', 'sidepanel'] as const) {
      const view = await harness.openExtensionPage(`${page}.html?tabId=${tabId}`);
      await view.waitFor(() => document.querySelector('.article__body p, .status:not([aria-busy])'));
      const path = resolve(outDir, `${browserName}-${page}.png`);
      await view.screenshot(path, page === 'popup' ? 'body' : undefined);
      console.log(`Saved ${path}`);
      await view.close();
    }
  } finally {
    await harness.close();
  }
  console.log('No display found: screenshots saved instead of opening a window.');
}
await server.close();
