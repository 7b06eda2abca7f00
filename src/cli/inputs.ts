/**
 * Where pages come from: files (`.html`, gzip'd or not), http(s) URLs, or `-` for standard input.
 * Each read resolves to the page's bytes and address, or rejects with a message fit for a user.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface InputSpec {
  /** As given on the command line or in the list. */
  input: string;
  /** The page's address, when given (`--url`, or a list's second column). */
  url?: string;
}

export interface LoadedPage {
  bytes: Uint8Array;
  /** The address links and metadata resolve against. */
  url: string;
  contentType: string | null;
}

export interface InputIo {
  readStdin(): Promise<Uint8Array>;
  fetch: typeof fetch;
  cwd: string;
}

export class InputError extends Error {}

const FETCH_TIMEOUT_MS = 30_000;

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function gunzipIfNeeded(bytes: Uint8Array, name: string): Uint8Array {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new InputError(`${name}: not a valid gzip file (${(error as Error).message})`);
  }
}

async function fetchPage(input: string, io: InputIo): Promise<LoadedPage> {
  let response: Response;
  try {
    response = await io.fetch(input, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new InputError(`${input}: could not fetch (${cause})`);
  }
  if (!response.ok) throw new InputError(`${input}: the server answered ${response.status} ${response.statusText}`);
  const contentType = response.headers.get('content-type');
  if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
    throw new InputError(`${input}: not an HTML page (${contentType.split(';')[0]})`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes: gunzipIfNeeded(bytes, input), url: response.url || input, contentType };
}

export async function loadInput(spec: InputSpec, io: InputIo): Promise<LoadedPage> {
  const { input } = spec;
  if (input === '-') {
    const bytes = await io.readStdin();
    return { bytes: gunzipIfNeeded(bytes, 'standard input'), url: spec.url ?? 'about:blank', contentType: null };
  }
  if (isUrl(input)) {
    const page = await fetchPage(input, io);
    return spec.url ? { ...page, url: spec.url } : page;
  }
  const path = isAbsolute(input) ? input : resolve(io.cwd, input);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : (error as Error).message;
    throw new InputError(`${input}: cannot read (${reason})`);
  }
  return { bytes: gunzipIfNeeded(bytes, input), url: spec.url ?? pathToFileURL(path).href, contentType: null };
}

/** A `--list` file: one input per line, `path` or `path<TAB>page URL`; blank lines and `#` comments skipped. */
export function parseList(text: string): InputSpec[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [input = '', url] = line.split('\t').map((part) => part.trim());
      return url ? { input, url } : { input };
    });
}
