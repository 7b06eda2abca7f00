import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyRecord, refreshList } from '../../../../src/background/filter-lists/refresh-list';
import { keepPlainHideRules } from '../../../../src/filter-lists/parse-list';

const parse = async (text: string) => keepPlainHideRules(text);

const LIST = `! Title: test list
##.newsletter-box
example.com##.site-nag
##+js(nowebrtc)
`;

/** A list server on 127.0.0.1 whose next answers the test sets. */
let server: Server;
let base = '';
let mode: 'serve' | 'fail' = 'serve';
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    if (mode === 'fail') {
      res.writeHead(500).end('down');
      return;
    }
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      ETag: '"v1"',
      'Last-Modified': 'Sun, 06 Dec 2026 10:00:00 GMT',
    });
    res.end(LIST);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  mode = 'serve';
  seen.length = 0;
});

describe('refreshing a filter list', () => {
  it('downloads, revalidates with the ETag, and keeps the rules through a 304 and a 500', async () => {
    const url = `${base}/list.txt`;
    const first = await refreshList(url, { ...emptyRecord(), enabled: true }, { parse, now: 1000 });
    expect(seen[0]?.['if-none-match']).toBeUndefined();
    expect(first.rules).toBe('##.newsletter-box\nexample.com##.site-nag');
    expect(first.record).toMatchObject({
      enabled: true,
      etag: '"v1"',
      lastModified: 'Sun, 06 Dec 2026 10:00:00 GMT',
      updatedAt: 1000,
      checkedAt: 1000,
      rules: 2,
      error: null,
    });

    const second = await refreshList(url, first.record, { parse, now: 2000 });
    expect(seen[1]?.['if-none-match']).toBe('"v1"');
    expect(seen[1]?.['if-modified-since']).toBe('Sun, 06 Dec 2026 10:00:00 GMT');
    expect(second.rules).toBeUndefined();
    expect(second.record).toMatchObject({ updatedAt: 1000, checkedAt: 2000, rules: 2, etag: '"v1"', error: null });

    mode = 'fail';
    const third = await refreshList(url, second.record, { parse, now: 3000 });
    expect(third.rules).toBeUndefined();
    expect(third.record).toMatchObject({
      updatedAt: 1000,
      checkedAt: 3000,
      rules: 2,
      error: { kind: 'http', status: 500, at: 3000 },
    });

    // The next good answer clears the error.
    mode = 'serve';
    const fourth = await refreshList(url, third.record, { parse, now: 4000 });
    expect(fourth.record.error).toBeNull();
  });

  it('sends no validators when it holds no rules, and records a server it cannot reach', async () => {
    const stale = { ...emptyRecord(), enabled: true, etag: '"v1"' };
    const fresh = await refreshList(`${base}/list.txt`, stale, { parse, now: 5 });
    expect(seen[0]?.['if-none-match']).toBeUndefined();
    expect(fresh.rules).toBeDefined();

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = await refreshList(`http://127.0.0.1:${port}/list.txt`, fresh.record, { parse, now: 6 });
    expect(offline.record).toMatchObject({ rules: 2, updatedAt: 5, error: { kind: 'network', at: 6 } });
  });

  it('refuses a list with no element hiding rule in it', async () => {
    const page = await refreshList(`${base}/list.txt`, emptyRecord(), {
      parse,
      fetch: async () => new Response('<html>Not a list</html>', { status: 200 }),
    });
    expect(page.rules).toBeUndefined();
    expect(page.record.error?.kind).toBe('empty');
  });
});
