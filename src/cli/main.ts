/** Node entry of `tidy-reader` (built to dist/cli/tidy-reader.js, run by bin/tidy-reader.js). */
import { readFile } from 'node:fs/promises';
import { version } from '../../package.json';
import { runCli } from './run';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  readTextFile: (path) => readFile(path, 'utf8'),
  fetch: globalThis.fetch,
  cwd: process.cwd(),
  version,
});
