#!/usr/bin/env node
// `npx tidy-reader` in the checkout: runs the CLI that `npm run build` writes to dist/cli.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/tidy-reader.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tidy-reader: the CLI is not built yet; run `npm run build` in the checkout first.\n');
  process.exit(2);
}
await import(entry.href);
