/**
 * The end-to-end tests drive a copy of the built extension. In a real session, clicking the toolbar
 * button grants `activeTab` on the page; automation cannot click browser UI, so the copy is granted
 * what the user would grant instead: host access to the fixture server (and nothing else).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

export const DIST_DIR = resolve(import.meta.dirname, '../../../dist');
export const FIXTURE_HOSTS = ['http://127.0.0.1/*'];

/** With `into`, the copy replaces that folder (a fixed path keeps Chromium's extension id, and so its storage). */
export async function prepareExtensionCopy(
  browser: BrowserName,
  hosts: string[] = FIXTURE_HOSTS,
  into?: string,
): Promise<string> {
  const source = join(DIST_DIR, browser === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(source, 'manifest.json'))) {
    throw new Error(`${source} is missing: run \`npm run build\` first`);
  }
  if (into) await rm(into, { recursive: true, force: true });
  const dir = into ?? (await mkdtemp(join(tmpdir(), `tidy-reader-${browser}-`)));
  await cp(source, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[]; version: string };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  // A kept profile keeps the service worker it registered until the extension's version changes:
  // a fresh fourth version number makes the browser take the new build's worker.
  if (into)
    manifest.version = `${manifest.version.split('.').slice(0, 3).join('.')}.${Math.floor(Date.now() / 1000) % 65_535}`;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}
