/**
 * The WebDAV requests the sync makes, over `fetch`: GET, PUT, DELETE, MKCOL and PROPFIND, with
 * conditional headers. No LOCK: writes are guarded by `If-Match` / `If-None-Match: *` instead.
 * Plain `fetch` rather than the `webdav` package: that bundles to 149 KB minified (50 KB gzipped)
 * for the five verbs used here, and hides the ETag of a write behind its own result types.
 */

export type TransportFailure =
  /** No answer: the server is unreachable, the connection dropped, or it took too long. */
  | 'network'
  | 'timeout'
  /** 401/403: the user name or app password is wrong, or the account may not write there. */
  | 'auth'
  /** 507: the server is out of space. */
  | 'full'
  /** 404 or 409 on a folder: the address does not name a WebDAV folder. */
  | 'not-found'
  /** Any other unexpected answer (5xx included). */
  | 'http';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** 412: someone else wrote the file since it was read (or created it first). */
export class ConflictError extends Error {
  constructor(readonly path: string) {
    super(`${path} was changed by another device`);
    this.name = 'ConflictError';
  }
}

export interface DavOptions {
  /** The folder, ending in `/`. */
  baseUrl: string;
  username: string;
  password: string;
  fetch: typeof fetch;
  /** Per request; an answer slower than this counts as a failure. */
  timeoutMs?: number;
  /** Cancels every request in flight (the sync was stopped). */
  signal?: AbortSignal;
  /** Sees each request (method and path): the benchmark counts them. */
  onRequest?: (method: string, path: string) => void;
}

export interface GetResult {
  status: 200 | 304 | 404;
  body: Uint8Array | null;
  etag: string | null;
}

export interface Dav {
  get(path: string, options?: { ifNoneMatch?: string | null }): Promise<GetResult>;
  /** Writes a file; `ifMatch` a known ETag, or `create` to write only if it does not exist. */
  put(
    path: string,
    body: Uint8Array,
    condition: { ifMatch?: string | null; create?: boolean },
  ): Promise<{ etag: string | null }>;
  /** Deletes a file; a file already gone is fine. */
  delete(path: string): Promise<void>;
  /** Makes a folder; one that exists is fine. */
  mkcol(path: string): Promise<void>;
  /** Whether the folder exists (PROPFIND, depth 0). */
  exists(path: string): Promise<boolean>;
  /**
   * The files directly in a folder (PROPFIND, depth 1), by name, with their last-modified time,
   * and the server's own time (its `Date` header): ages are compared on the server's clock.
   */
  list(path: string): Promise<{ files: { name: string; modifiedAt: number | null }[]; serverNow: number | null }>;
}

/** The text of the first element named `name` (any namespace prefix) in `xml`, or null. */
function elementText(xml: string, name: string): string | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([^<]*)</(?:[\\w.-]+:)?${name}>`, 'i').exec(xml);
  return match ? match[1]!.trim() : null;
}

const decodeXml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
  );

/**
 * A PROPFIND multistatus, read with patterns rather than an XML parser (a service worker has no
 * `DOMParser`): each `response`'s `href`, whether it is a collection, and `getlastmodified`.
 */
export function parseMultistatus(xml: string): { href: string; isFolder: boolean; modifiedAt: number | null }[] {
  const out: { href: string; isFolder: boolean; modifiedAt: number | null }[] = [];
  const parts = xml.split(/<(?:[\w.-]+:)?response[\s>]/i).slice(1);
  for (const part of parts) {
    const href = elementText(part, 'href');
    if (!href) continue;
    const modified = elementText(part, 'getlastmodified');
    const time = modified ? Date.parse(modified) : NaN;
    out.push({
      href: decodeXml(href),
      isFolder: /<(?:[\w.-]+:)?collection\s*\/?>/i.test(part),
      modifiedAt: Number.isFinite(time) ? time : null,
    });
  }
  return out;
}

/** Basic authentication of a UTF-8 user name and password. */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function failureOf(status: number, what: string): TransportError {
  if (status === 401 || status === 403) return new TransportError('auth', status, `${what}: ${status}`);
  if (status === 507) return new TransportError('full', status, `${what}: out of space`);
  return new TransportError('http', status, `${what}: HTTP ${status}`);
}

export function createDav(options: DavOptions): Dav {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const auth = basicAuth(options.username, options.password);
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: Uint8Array } = {},
  ) {
    options.onRequest?.(method, path);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const what = `${method} ${path}`;
    try {
      const response = await options.fetch(new URL(path, base).href, {
        method,
        headers: { Authorization: auth, ...init.headers },
        body: init.body as BodyInit | undefined,
        // The reader's credentials go in the header above, never a cookie or a browser prompt.
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal,
      });
      return { response, body: method === 'GET' && response.ok ? new Uint8Array(await response.arrayBuffer()) : null };
    } catch (error) {
      if (timeout.aborted) throw new TransportError('timeout', null, `${what}: no answer within ${timeoutMs} ms`);
      if (options.signal?.aborted) throw error;
      throw new TransportError('network', null, `${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    async get(path, { ifNoneMatch } = {}) {
      const { response, body } = await request(
        'GET',
        path,
        ifNoneMatch ? { headers: { 'If-None-Match': ifNoneMatch } } : {},
      );
      const etag = response.headers.get('ETag');
      if (response.status === 304) return { status: 304, body: null, etag: etag ?? ifNoneMatch ?? null };
      if (response.status === 404) return { status: 404, body: null, etag: null };
      if (!response.ok) throw failureOf(response.status, `GET ${path}`);
      return { status: 200, body, etag };
    },
    async put(path, body, condition) {
      const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
      if (condition.ifMatch) headers['If-Match'] = condition.ifMatch;
      else if (condition.create) headers['If-None-Match'] = '*';
      let { response } = await request('PUT', path, { headers, body });
      // 423: the server still holds the file for an upload that was cut off; it lets go soon.
      for (let wait = 250; response.status === 423 && wait <= 4000; wait *= 2) {
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, wait));
        ({ response } = await request('PUT', path, { headers, body }));
      }
      await response.body?.cancel();
      if (response.status === 412) throw new ConflictError(path);
      if (!response.ok) throw failureOf(response.status, `PUT ${path}`);
      return { etag: response.headers.get('ETag') };
    },
    async delete(path) {
      const { response } = await request('DELETE', path);
      await response.body?.cancel();
      if (!response.ok && response.status !== 404) throw failureOf(response.status, `DELETE ${path}`);
    },
    async mkcol(path) {
      let { response } = await request('MKCOL', path);
      // 423: another device is making the same folder right now (rclone locks it meanwhile).
      for (let wait = 100; response.status === 423 && wait <= 1600; wait *= 2) {
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, wait));
        ({ response } = await request('MKCOL', path));
      }
      await response.body?.cancel();
      // 405: the folder exists already.
      if (response.ok || response.status === 405) return;
      if (response.status === 409) throw new TransportError('not-found', 409, `MKCOL ${path}: no parent folder`);
      throw failureOf(response.status, `MKCOL ${path}`);
    },
    async exists(path) {
      const { response } = await request('PROPFIND', path, {
        headers: { Depth: '0', 'Content-Type': 'application/xml' },
        body: new TextEncoder().encode(
          '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
        ),
      });
      await response.body?.cancel();
      if (response.status === 404) return false;
      if (response.status === 207 || response.ok) return true;
      throw failureOf(response.status, `PROPFIND ${path}`);
    },
    async list(path) {
      const { response } = await request('PROPFIND', path, {
        headers: { Depth: '1', 'Content-Type': 'application/xml' },
        body: new TextEncoder().encode(
          '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><resourcetype/><getlastmodified/></prop></propfind>',
        ),
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return { files: [], serverNow: null };
      }
      if (response.status !== 207) {
        await response.body?.cancel();
        throw failureOf(response.status, `PROPFIND ${path}`);
      }
      const date = Date.parse(response.headers.get('Date') ?? '');
      const files = parseMultistatus(await response.text()).flatMap((entry) => {
        if (entry.isFolder) return [];
        let name: string;
        try {
          name = decodeURIComponent(new URL(entry.href, base).pathname.split('/').pop() ?? '');
        } catch {
          return [];
        }
        return name ? [{ name, modifiedAt: entry.modifiedAt }] : [];
      });
      return { files, serverNow: Number.isFinite(date) ? date : null };
    },
  };
}
