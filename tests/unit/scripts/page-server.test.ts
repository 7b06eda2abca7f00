/** The bench's page server answers each saved page under the address it was saved from. */
import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { servePagesAtAddresses, type AddressServer } from '../../../scripts/bench/lib/page-server';

/** A GET to the server on 127.0.0.1 naming `url`'s host, as a browser that resolves every host here sends it. */
function get(url: string): Promise<{ status: number; body: string }> {
  const address = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: address.port,
        path: address.pathname + address.search,
        headers: { host: address.host },
        // The server's throwaway certificate, which the bench's browser is told to accept.
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let server: AddressServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('servePagesAtAddresses', () => {
  it('serves each page on its own host and path, over https on the server port', async () => {
    server = await servePagesAtAddresses(
      new Map([
        ['https://www.forum.example/threads/a-question.12/?page=2#post-3', () => '<p>forum</p>'],
        ['https://news.example/threads/a-question.12/?page=2', () => '<p>news</p>'],
      ]),
    );
    const forum = server.url('https://www.forum.example/threads/a-question.12/?page=2#post-3');
    expect(forum).toBe(`https://www.forum.example:${server.port}/threads/a-question.12/?page=2`);
    expect(await get(forum)).toEqual({ status: 200, body: '<p>forum</p>' });
    // The same path on another host is another page.
    expect((await get(server.url('https://news.example/threads/a-question.12/?page=2'))).body).toBe('<p>news</p>');
    expect((await get(server.url('https://news.example/elsewhere'))).status).toBe(404);
  });
});
