/**
 * Serves benchmark pages from memory on 127.0.0.1: `/<name>` answers the page's HTML, or, with
 * `servePagesAtAddresses`, each page under its own address (host and path) on the server's port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed';

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
  options: ServeOptions = {},
): Promise<PageServer> {
  const { server, port } = await listen(
    pages,
    (req) => decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? ''),
    options,
  );
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A page's key under its own address: host, path and query (the scheme and port are the server's). */
function addressKey(address: URL): string {
  return `${address.hostname}${address.pathname}${address.search}`;
}

export interface AddressServer {
  port: number;
  /** Where the page saved from `address` is served: its host and path, over `https:` on this server's port. */
  url(address: string): string;
  close(): Promise<void>;
}

/**
 * Serves each page under the address it was saved from, over `https:` on the server's port (a
 * host on the browser's HSTS preload list is never fetched over `http:`), with a throwaway
 * certificate: the browser must resolve every host to this machine (Chromium's
 * `--host-resolver-rules`) and accept the certificate (`--ignore-certificate-errors`).
 */
export async function servePagesAtAddresses(
  pages: ReadonlyMap<string, () => string>,
  options: ServeOptions = {},
): Promise<AddressServer> {
  const byKey = new Map([...pages].map(([address, html]) => [addressKey(new URL(address)), html]));
  const { server, port } = await listen(
    byKey,
    (req) => addressKey(new URL(req.url ?? '/', `https://${req.headers.host}`)),
    { ...options, tls: selfSignedCertificate() },
  );
  return {
    port,
    url(address) {
      const local = new URL(address);
      local.protocol = 'https:';
      local.port = String(port);
      local.hash = '';
      return local.href;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

async function listen(
  pages: ReadonlyMap<string, () => string>,
  keyOf: (req: IncomingMessage) => string,
  { allowScripts = false, tls }: ServeOptions & { tls?: { key: string; cert: string } },
): Promise<{ server: Server; port: number }> {
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const page = pages.get(keyOf(req));
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
  };
  const server: Server = tls ? createHttpsServer(tls, answer) : createServer(answer);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port };
}
