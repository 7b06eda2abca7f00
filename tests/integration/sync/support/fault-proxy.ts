/**
 * A small HTTP proxy in front of a real WebDAV server that misbehaves on request: answers 500 or
 * 507, never answers, drops the connection halfway through an upload, or answers 412 to every
 * second write. Everything else goes through to the server unchanged.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Fault =
  | { kind: 'status'; status: 500 | 507; methods?: string[] }
  | { kind: 'hang'; methods?: string[] }
  | { kind: 'drop-upload' }
  | { kind: 'conflict-every-second-write' };

export interface FaultProxy {
  /** The server's folder address, through the proxy. */
  url: string;
  origin: string;
  /** The fault in force (null: pass everything through). */
  fault: Fault | null;
  /** Requests seen, as `METHOD path`. */
  log: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: { origin: string; url: string }): Promise<FaultProxy> {
  const upstream = new URL(target.origin);
  let writes = 0;
  const hung = new Set<ServerResponse>();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, cutAt?: number) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    if (cutAt === undefined) {
      out.end(body);
      return;
    }
    // Half the body reaches the server, then both connections drop.
    out.write(body.subarray(0, cutAt), () => {
      setTimeout(() => {
        out.destroy();
        res.destroy();
      }, 50);
    });
  };

  const proxy: FaultProxy = {
    url: '',
    origin: '',
    fault: null,
    log: [],
    close: async () => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      proxy.log.push(`${method} ${req.url ?? ''}`);
      const fault = proxy.fault;
      const applies = (methods?: string[]) => !methods || methods.includes(method);
      if (fault?.kind === 'status' && applies(fault.methods)) {
        res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(`fault ${fault.status}`);
        return;
      }
      if (fault?.kind === 'hang' && applies(fault.methods)) {
        hung.add(res);
        return;
      }
      if (method === 'PUT' && fault?.kind === 'drop-upload' && body.length > 1) {
        forward(req, res, body, Math.floor(body.length / 2));
        return;
      }
      if (method === 'PUT' && fault?.kind === 'conflict-every-second-write' && ++writes % 2 === 0) {
        res.writeHead(412, { 'Content-Type': 'text/plain' }).end('precondition failed (fault)');
        return;
      }
      forward(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no address');
  proxy.origin = `http://127.0.0.1:${address.port}`;
  proxy.url = target.url.replace(target.origin, proxy.origin);
  return proxy;
}
