/**
 * `npm run build`: builds every entry with Vite, then writes dist/chrome and dist/firefox (each with
 * its own manifest) and a zip of each for store upload.
 */
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { groupStylesheet, HIDE_GROUPS } from '../src/clutter';
import { TARGET_BROWSERS, toBrowserManifest } from './lib/browser-manifest';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const staging = join(dist, '.staging');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function zipFolder(dir: string, zipPath: string): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  for (const file of (await listFiles(dir)).sort()) files[relative(dir, file)] = await readFile(file);
  // A fixed timestamp keeps the zip identical for identical input.
  await writeFile(zipPath, zipSync(files, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }));
}

async function main(): Promise<void> {
  const started = Date.now();
  const configFile = join(root, 'vite.config.ts');
  await build({ configFile, mode: 'pages' });
  await build({ configFile, mode: 'content' });
  await build({ configFile, mode: 'clutter' });
  await build({ configFile, mode: 'always-reader' });
  await build({ configFile, mode: 'popup-start' });
  await build({ configFile, mode: 'library-start' });
  // The stylesheets the browser applies by itself on always-on sites, before first paint.
  for (const group of HIDE_GROUPS)
    await writeFile(join(staging, `clutter-${group}.css`), `${groupStylesheet(group)}\n`);

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const icons = (await readdir(join(root, 'icons'))).filter((f) => f.endsWith('.png'));

  for (const browser of TARGET_BROWSERS) {
    const out = join(dist, browser);
    await rm(out, { recursive: true, force: true });
    await cp(staging, out, { recursive: true });
    await mkdir(join(out, 'icons'), { recursive: true });
    for (const icon of icons) await cp(join(root, 'icons', icon), join(out, 'icons', icon));
    await cp(join(root, 'src/_locales'), join(out, '_locales'), { recursive: true });
    const manifest = toBrowserManifest(source, browser, pkg.version);
    await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await zipFolder(out, join(dist, `tidy-reader-${browser}-${pkg.version}.zip`));
  }
  await rm(staging, { recursive: true, force: true });
  // The command-line tool (bin/tidy-reader.js runs it): the same src/extract code, on jsdom.
  await build({ configFile, mode: 'cli' });
  console.log(
    `Built dist/chrome, dist/firefox and dist/cli (v${pkg.version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

await main();
