/**
 * Readeck, following its published API documentation (docs/api in the Readeck repository,
 * served by every instance at /docs/api):
 *
 * - Authentication: `Authorization: Bearer <token>`, a token the reader creates in Readeck
 *   (Profile → API tokens).
 * - `GET /api/profile` answers the token's user: used to check the token when connecting.
 * - `POST /api/bookmarks` ("Bookmark Create", bookmarks/doc-create.md): the body may be
 *   `multipart/form-data`; `url` is the only mandatory field, `title` and `labels` optional.
 *   "Sending non HTML and/or multiple resources": each `resource` entry is a file part that
 *   must carry `Content-Disposition: form-data; name="resource"; filename="_"` (the filename
 *   must have a value) and a `Location` header with the resource's address, and may carry a
 *   `Content-Type`. The page itself is the resource at the bookmark's `url`; its images are
 *   resources at the addresses the HTML uses. Readeck answers `202 Accepted` with the new
 *   bookmark's id in a `Bookmark-Id` header, and does not fetch what it was given.
 *
 * `FormData` cannot give a part its own `Location` header, so the body is built here.
 */
import { failureOf, request, SendError, type OutgoingArticle } from './types';

export interface ReadeckAccount {
  /** The instance, e.g. `https://readeck.example.org/` (the API is under `api/`). */
  baseUrl: string;
  token: string;
}

const encoder = new TextEncoder();

/** A header value without line breaks (an address or a type cannot break the part open). */
const headerValue = (value: string) => value.replace(/[\r\n]+/g, ' ');
/** A form field's name or value quoted as multipart wants it. */
const quoted = (value: string) => `"${value.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c))}"`;

export interface MultipartPart {
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** A `multipart/form-data` body (RFC 7578) with a boundary that none of the parts contains. */
export function multipartBody(parts: MultipartPart[]): { body: Uint8Array; contentType: string } {
  const bytes = parts.map((p) => (typeof p.body === 'string' ? encoder.encode(p.body) : p.body));
  let boundary: string;
  do {
    boundary = `tidy-reader-${crypto.randomUUID()}`;
  } while (bytes.some((b) => new TextDecoder('latin1').decode(b).includes(boundary)));
  const chunks: Uint8Array[] = [];
  parts.forEach((part, i) => {
    const head = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${headerValue(value)}\r\n`)
      .join('');
    chunks.push(encoder.encode(`--${boundary}\r\n${head}\r\n`), bytes[i]!, encoder.encode('\r\n'));
  });
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const field = (name: string, value: string): MultipartPart => ({
  headers: { 'Content-Disposition': `form-data; name=${quoted(name)}` },
  body: value,
});

const resource = (location: string, type: string, body: Uint8Array | string): MultipartPart => ({
  headers: {
    'Content-Disposition': 'form-data; name="resource"; filename="_"',
    Location: location,
    'Content-Type': type,
  },
  body,
});

const apiUrl = (account: ReadeckAccount, path: string) => new URL(`api/${path}`, account.baseUrl).href;

const auth = (account: ReadeckAccount) => ({ Authorization: `Bearer ${account.token}`, Accept: 'application/json' });

/** Checks the token (`GET /api/profile`); throws `SendError`. */
export async function checkReadeck(account: ReadeckAccount, fetchImpl: typeof fetch): Promise<void> {
  const response = await request(fetchImpl, apiUrl(account, 'profile'), { method: 'GET', headers: auth(account) });
  await response.body?.cancel();
  if (!response.ok) throw failureOf(response.status, 'GET /api/profile');
}

/** Creates a bookmark with the article's HTML and images; resolves with its id. */
export async function sendToReadeck(
  account: ReadeckAccount,
  article: OutgoingArticle,
  fetchImpl: typeof fetch,
): Promise<string | null> {
  const { body, contentType } = multipartBody([
    field('url', article.url),
    ...(article.title ? [field('title', article.title)] : []),
    ...article.tags.map((tag) => field('labels', tag)),
    // A fragment: Readeck reads it as the page at `url`.
    resource(article.url, 'text/html; charset=utf-8', article.html),
    ...article.images.map((image) => resource(image.url, image.type || 'application/octet-stream', image.bytes)),
  ]);
  const response = await request(fetchImpl, apiUrl(account, 'bookmarks'), {
    method: 'POST',
    headers: { ...auth(account), 'Content-Type': contentType },
    body: body as Uint8Array<ArrayBuffer>,
  });
  await response.body?.cancel();
  if (response.status !== 202 && !response.ok) throw failureOf(response.status, 'POST /api/bookmarks');
  return response.headers.get('Bookmark-Id');
}

export { SendError };
