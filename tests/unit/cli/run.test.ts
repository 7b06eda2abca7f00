import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXIT_INPUT, EXIT_NOT_EXTRACTED, EXIT_OK, EXIT_USAGE, runCli } from '../../../src/cli/run';
import { loadFixture } from '../support/fixtures';

const seed = loadFixture('magazine-seed');
const wall = loadFixture('sign-in-wall');
const legacy = loadFixture('br-legacy-cms');

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidy-reader-cli-'));
  await writeFile(join(dir, 'seed.html'), seed.html);
  await writeFile(join(dir, 'seed.html.gz'), gzipSync(seed.html));
  await writeFile(join(dir, 'wall.html'), wall.html);
  // UTF-8 without a charset anywhere: browsers detect it, and so must the CLI.
  await writeFile(
    join(dir, 'undeclared.html'),
    `<!doctype html><html><head><title>Gebühren</title></head><body><article><h1>Gebühren</h1>${'<p>Die Gebühren für Anwohner steigen im März, sagte der Bürgermeister am Dienstag im Rathaus.</p>'.repeat(8)}</article></body></html>`,
  );
  await writeFile(
    join(dir, 'list.tsv'),
    `# pages\nseed.html\thttps://www.spectator.co.uk/article/missiles\n\nmissing.html\nwall.html\n`,
  );
  server = createServer((req, res) => {
    if (req.url === '/legacy') {
      // A windows-1252 page whose charset only the HTTP header declares.
      const bytes = Buffer.from(
        legacy.html.replace('charset=utf-8', '').replace('Joan Firth', 'Jo\u00eblle Firth'),
        'latin1',
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(bytes);
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    } else {
      res.writeHead(404).end('nope');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
});

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    readStdin: async () => new TextEncoder().encode(stdin),
    readTextFile: (path) => readFile(join(dir, path), 'utf8'),
    fetch: globalThis.fetch,
    cwd: dir,
    version: '9.9.9',
  });
  return { code, out, err };
}

describe('tidy-reader extract', () => {
  it('prints the body text by default', async () => {
    const { code, out, err } = await run(['extract', 'seed.html']);
    expect({ code, err }).toEqual({ code: EXIT_OK, err: '' });
    expect(out).toBe(`${seed.expectedText}\n`);
  });

  it('reads gzip files and standard input the same way', async () => {
    expect((await run(['extract', 'seed.html.gz'])).out).toBe(`${seed.expectedText}\n`);
    expect((await run(['extract', '-', '--url', 'https://www.spectator.co.uk/a'], seed.html)).out).toBe(
      `${seed.expectedText}\n`,
    );
  });

  it('writes one JSON object per input and line, in input order, with the page address it was given', async () => {
    const { code, out, err } = await run(['extract', '--format', 'json', '--list', 'list.tsv']);
    expect(code).toBe(EXIT_INPUT);
    expect(err).toBe('tidy-reader: missing.html: cannot read (no such file)\n');
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.input, l.isArticle, l.url])).toEqual([
      ['seed.html', true, 'https://www.spectator.co.uk/article/missiles'],
      ['wall.html', false, `file://${join(dir, 'wall.html')}`],
    ]);
    expect(lines[0]).toMatchObject({
      title: seed.expectedMetadata.title,
      byline: seed.expectedMetadata.byline,
      text: seed.expectedText,
    });
    expect(Object.keys(lines[0] ?? {})).toEqual(
      expect.arrayContaining([
        'html',
        'excerpt',
        'leadImage',
        'wordCount',
        'readingMinutes',
        'removed',
        'lang',
        'dir',
        'siteName',
        'publishedTime',
      ]),
    );
    expect(lines[1]?.reason).toMatch(/sign in/);
  });

  it('writes a standalone HTML page and Markdown with front matter', async () => {
    const html = (await run(['extract', 'seed.html', '--format', 'html'])).out;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(html).toContain('<h1>Russia’s border regions brace for American missiles</h1>');
    expect(html).not.toMatch(/<script/);
    const markdown = (
      await run(['extract', 'seed.html', '--format', 'markdown', '--url', 'https://www.spectator.co.uk/a'])
    ).out;
    expect(markdown).toMatch(
      /^---\ntitle: "Russia’s border regions brace for American missiles"\nbyline: "Katya Ivanova"\nsite: "The Spectator"\n/,
    );
    expect(markdown).toContain(
      '\n---\n\n# Russia’s border regions brace for American missiles\n\n![A missile launcher at dusk](https://www.spectator.co.uk/assets/lead-missiles.svg)',
    );
    expect(markdown).toContain('\n\nOvernight, the news of Biden’s decision');
    expect(markdown).not.toContain('<p>');
  });

  it('marks each input when there are several', async () => {
    const { out } = await run(['extract', 'seed.html', 'seed.html.gz']);
    expect(out).toBe(`==> seed.html <==\n${seed.expectedText}\n==> seed.html.gz <==\n${seed.expectedText}\n`);
  });

  it('fetches URLs and decodes them by their Content-Type', async () => {
    const { code, out } = await run(['extract', `${origin}/legacy`]);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('Club secretary Joëlle Firth said');
  });

  it('reads an undeclared UTF-8 page as UTF-8, as a browser does, and says so in JSON', async () => {
    const { code, out } = await run(['extract', 'undeclared.html', '--force']);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('Die Gebühren für Anwohner steigen im März');
    const [page, legacyPage] = (await run(['extract', '--format', 'json', 'undeclared.html', `${origin}/legacy`])).out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(page).toMatchObject({ encoding: 'UTF-8', encodingSource: 'detected' });
    expect(legacyPage).toMatchObject({ encoding: 'windows-1252', encodingSource: 'http' });
  });

  it('reports unreadable inputs on stderr, goes on with the others, and exits with 2', async () => {
    const { code, out, err } = await run([
      'extract',
      `${origin}/gone`,
      `${origin}/pdf`,
      'seed.html',
      'http://127.0.0.1:9/',
    ]);
    expect(code).toBe(EXIT_INPUT);
    expect(out).toContain(seed.expectedText);
    expect(err).toMatch(new RegExp(`tidy-reader: ${origin}/gone: the server answered 404`));
    expect(err).toMatch(/\/pdf: not an HTML page \(application\/pdf\)/);
    expect(err).toMatch(/127\.0\.0\.1:9\/: could not fetch/);
  });

  it('says why a page has nothing to read, exits with 1 after the other inputs, and extracts it with --force', async () => {
    const plain = await run(['extract', 'wall.html']);
    expect(plain).toMatchObject({ code: EXIT_NOT_EXTRACTED, out: '' });
    expect(plain.err).toMatch(/wall\.html: nothing to read \(This page asks you to sign in.*use --force/);
    const withOthers = await run(['extract', 'wall.html', 'seed.html']);
    expect(withOthers).toMatchObject({ code: EXIT_NOT_EXTRACTED, out: `==> seed.html <==\n${seed.expectedText}\n` });
    const json = await run(['extract', '--format', 'json', 'wall.html']);
    expect(json).toMatchObject({ code: EXIT_NOT_EXTRACTED, err: '' });
    const forced = await run(['extract', 'wall.html', '--force']);
    expect(forced.code).toBe(EXIT_OK);
    expect(forced.out).toContain('This story is for subscribers.');
  });

  it('explains usage errors and exits with 2; prints help and version', async () => {
    const bad = await run(['extract']);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(EXIT_USAGE).toBe(2);
    expect(bad.err).toMatch(/^tidy-reader: no input[\s\S]*Usage: tidy-reader extract/);
    expect((await run(['--help'])).out).toMatch(/^Usage: tidy-reader extract \[options\]/);
    expect((await run(['--version'])).out).toBe('tidy-reader 9.9.9\n');
    expect((await run(['extract', '--list', 'nope.tsv'])).err).toMatch(/nope\.tsv: cannot read the list \(ENOENT\)/);
  });
});
