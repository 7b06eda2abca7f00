/**
 * Stand-ins for Readeck and wallabag, which cannot be installed here: small HTTP servers on
 * 127.0.0.1 that follow the two servers' published API documents request by request — method,
 * path, authorisation header, content type, required fields — and refuse anything else the way
 * the real server says it does. They keep what they were sent, for the tests to compare.
 *
 * Readeck (docs/api, bookmarks/doc-create.md): `GET /api/profile` and `POST /api/bookmarks`
 * with `Authorization: Bearer <token>`; a `multipart/form-data` body (or JSON) with `url`
 * (required, http or https, at most 1,024 characters), `title` (at most 1,024), `labels`, and
 * `resource` file parts that must have a filename and a `Location` header; answers 202 with a
 * `Bookmark-Id` header, 401 without a good token, 422 for a bad form.
 *
 * wallabag (docs/en/developer/api.rst, EntryRestController): `POST /oauth/v2/token` with the
 * password grant (`grant_type`, `client_id`, `client_secret`, `username`, `password`) answers an
 * `access_token` (400 `invalid_client` / `invalid_grant` otherwise); `POST /api/entries.json`
 * with `Authorization: Bearer <access_token>` and `url` (required) creates an entry; with
 * `content` and `title` non-empty wallabag does not fetch the page (`fetched` says whether the
 * real one would have).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../../sync/support/webdav-servers';

export interface ReceivedResource {
  location: string;
  type: string | null;
  body: Buffer;
}

export interface ReadeckBookmark {
  id: string;
  url: string;
  title: string | null;
  labels: string[];
  resources: ReceivedResource[];
}

export interface WallabagEntry {
  id: number;
  url: string;
  title: string | null;
  content: string | null;
  tags: string[];
  /** Whether the real wallabag would have fetched the page (content or title missing). */
  fetched: boolean;
}

export interface StandInServer<T> {
  origin: string;
  /** The instance's address, as a reader types it. */
  url: string;
  received: T[];
  /** Every request as `METHOD path status`. */
  log: string[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

interface Part {
  headers: Map<string, string>;
  name: string | null;
  filename: string | null;
  body: Buffer;
}

/** Parses a multipart/form-data body (RFC 7578); null when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): Part[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at !== 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body.subarray(at, at + 2).toString() !== '\r\n') return null;
    at += 2;
    const headEnd = body.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return null;
    const headers = new Map<string, string>();
    for (const line of body.subarray(at, headEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return null;
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headEnd + 4);
    if (next < 0) return null;
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\s*;/i.test(disposition)) return null;
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    parts.push({ headers, name, filename, body: body.subarray(headEnd + 4, next) });
    at = next + 2;
  }
}

const isWebAddress = (value: string | null | undefined): value is string => {
  try {
    return !!value && ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

async function listen<T>(
  handle: (req: IncomingMessage, res: ServerResponse, received: T[]) => Promise<void>,
  path = '/',
): Promise<StandInServer<T>> {
  const received: T[] = [];
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    res.on('finish', () => log.push(`${req.method} ${req.url} ${res.statusCode}`));
    handle(req, res, received).catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${path}`,
    received,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function startReadeckStandIn(token: string, path = '/readeck/'): Promise<StandInServer<ReadeckBookmark>> {
  return listen<ReadeckBookmark>(async (req, res, received) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const route = url.pathname.startsWith(path) ? url.pathname.slice(path.length - 1) : null;
    if (route !== '/api/profile' && route !== '/api/bookmarks')
      return json(res, 404, { status: 404, message: 'Not Found' });
    const allowed = route === '/api/profile' ? 'GET' : 'POST';
    if (req.method !== allowed) return json(res, 405, { status: 405, message: 'Method Not Allowed' });
    if (req.headers.authorization !== `Bearer ${token}`) {
      await readBody(req);
      return json(res, 401, { status: 401, message: 'Invalid credentials' });
    }
    if (route === '/api/profile') return json(res, 200, { user: { username: 'reader' } });

    const body = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    const fields = new Map<string, string[]>();
    const resources: ReceivedResource[] = [];
    const errors: string[] = [];
    if (/^application\/json\b/i.test(type)) {
      const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      for (const key of ['url', 'title']) if (typeof value[key] === 'string') fields.set(key, [value[key] as string]);
      if (Array.isArray(value.labels)) fields.set('labels', value.labels.map(String));
    } else if (/^multipart\/form-data\b/i.test(type)) {
      const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
      const parts = boundary ? parseMultipart(body, boundary) : null;
      if (!parts) return json(res, 400, { status: 400, message: 'Bad Request' });
      for (const part of parts) {
        if (part.name === 'resource') {
          // "The filename property in Content-Disposition must have a value"; "Location" is required.
          const location = part.headers.get('location');
          if (!part.filename) errors.push('resource: no filename');
          else if (!isWebAddress(location)) errors.push('resource: no Location');
          else resources.push({ location, type: part.headers.get('content-type') ?? null, body: part.body });
        } else if (part.name) {
          fields.set(part.name, [...(fields.get(part.name) ?? []), part.body.toString('utf8')]);
        }
      }
    } else {
      return json(res, 415, { status: 415, message: 'Unsupported Media Type' });
    }
    const bookmarkUrl = fields.get('url')?.[0]?.trim();
    const title = fields.get('title')?.[0]?.trim() ?? null;
    if (!bookmarkUrl) errors.push('url: field is required');
    else if (!isWebAddress(bookmarkUrl) || bookmarkUrl.length > 1024) errors.push('url: invalid URL');
    if (title && title.length > 1024) errors.push('title: too long');
    if (errors.length > 0) return json(res, 422, { is_valid: false, errors });
    const id = randomUUID().replace(/-/g, '').slice(0, 22);
    received.push({ id, url: bookmarkUrl!, title, labels: fields.get('labels') ?? [], resources });
    return json(
      res,
      202,
      { status: 202, message: 'Link submited' },
      {
        'Bookmark-Id': id,
        Location: `${url.origin}${path}api/bookmarks/${id}`,
      },
    );
  }, path);
}

export interface WallabagCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/** Reads a form-urlencoded or JSON body into strings. */
function formOf(type: string, body: Buffer): Map<string, string> | null {
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return new Map(new URLSearchParams(body.toString('utf8')));
  if (/^application\/json\b/i.test(type)) {
    const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return new Map(Object.entries(value).map(([k, v]) => [k, String(v)]));
  }
  return null;
}

export function startWallabagStandIn(
  credentials: WallabagCredentials,
  path = '/wallabag/',
): Promise<StandInServer<WallabagEntry>> {
  const tokens = new Set<string>();
  let nextId = 1;
  return listen<WallabagEntry>(async (req, res, received) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const route = url.pathname.startsWith(path) ? url.pathname.slice(path.length - 1) : null;
    const body = await readBody(req);
    if (route === '/oauth/v2/token') {
      if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' });
      const form = formOf(req.headers['content-type'] ?? '', body);
      if (!form) return json(res, 400, { error: 'invalid_request' });
      if (form.get('grant_type') !== 'password') return json(res, 400, { error: 'unsupported_grant_type' });
      if (form.get('client_id') !== credentials.clientId || form.get('client_secret') !== credentials.clientSecret) {
        return json(res, 400, { error: 'invalid_client', error_description: 'The client credentials are invalid' });
      }
      if (form.get('username') !== credentials.username || form.get('password') !== credentials.password) {
        return json(res, 400, {
          error: 'invalid_grant',
          error_description: 'Invalid username and password combination',
        });
      }
      const token = randomUUID();
      tokens.add(token);
      return json(res, 200, {
        access_token: token,
        expires_in: 3600,
        token_type: 'bearer',
        scope: null,
        refresh_token: randomUUID(),
      });
    }
    if (route === '/api/entries.json') {
      if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !tokens.has(bearer)) {
        return json(res, 401, { error: 'invalid_grant', error_description: 'The access token provided is invalid.' });
      }
      const form = formOf(req.headers['content-type'] ?? '', body);
      if (!form) return json(res, 400, { error: 'invalid_request' });
      const entryUrl = form.get('url');
      if (!isWebAddress(entryUrl)) return json(res, 400, { code: 400, message: 'Bad Request' });
      const title = form.get('title') ?? null;
      const content = form.get('content') ?? null;
      const tags = (form.get('tags') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const entry: WallabagEntry = { id: nextId++, url: entryUrl, title, content, tags, fetched: !title || !content };
      received.push(entry);
      return json(res, 200, { id: entry.id, url: entry.url, title: entry.title, content: entry.content });
    }
    return json(res, 404, { code: 404, message: 'Not Found' });
  }, path);
}
