/** Serves benchmark pages from memory on 127.0.0.1: `/<name>` answers the page's HTML. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  url(name: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Let the pages' own scripts run (a benchmark's synthetic page may need its script). */
  allowScripts?: boolean;
}

export async function servePages(
  pages: ReadonlyMap<string, () => string>,
  { allowScripts = false }: ServeOptions = {},
): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    const page = pages.get(name);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // The pages were saved without running their scripts; run here, some would rewrite or leave the
    // page (one sends every http: page to https:). DevTools and the extension are not bound by it.
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(allowScripts ? {} : { 'content-security-policy': "script-src 'none'" }),
      })
      .end(page());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
