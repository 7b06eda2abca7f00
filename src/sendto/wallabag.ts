/**
 * wallabag, following its published API documentation (docs/en/developer/api.rst, and the
 * API reference each instance serves at /api/doc, from EntryRestController):
 *
 * - A token: `POST /oauth/v2/token` with `grant_type=password`, `client_id`, `client_secret`
 *   (an API client the reader creates in wallabag, Developer → Create a new client),
 *   `username` and `password`; the answer's `access_token` goes in `Authorization: Bearer`.
 *   The token is asked for when sending, never stored; the password is kept (storage.local)
 *   because the password grant is the one wallabag documents for such clients.
 * - `POST /api/entries.json` ("Create an entry"): `url` required; "If you want to provide the
 *   HTML content (which means wallabag won't fetch it from the url), you must provide
 *   `content`, `title` & `url` fields non-empty"; `tags` a comma-separated list. Images stay
 *   links in the HTML (the API takes no files; wallabag may download them itself).
 *
 * Both requests are sent as `application/x-www-form-urlencoded`, which wallabag reads.
 */
import { failureOf, request, SendError, type OutgoingArticle } from './types';

export interface WallabagAccount {
  /** The instance, e.g. `https://app.wallabag.it/`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const FORM = 'application/x-www-form-urlencoded';

/** An access token by the password grant; throws `SendError` (`auth` for wrong credentials). */
export async function wallabagToken(account: WallabagAccount, fetchImpl: typeof fetch): Promise<string> {
  const response = await request(fetchImpl, new URL('oauth/v2/token', account.baseUrl).href, {
    method: 'POST',
    headers: { 'Content-Type': FORM, Accept: 'application/json' },
    body: form({
      grant_type: 'password',
      client_id: account.clientId,
      client_secret: account.clientSecret,
      username: account.username,
      password: account.password,
    }),
  });
  // wallabag says 400 `invalid_grant` / `invalid_client` for wrong credentials.
  if (response.status === 400 || response.status === 401) {
    await response.body?.cancel();
    throw new SendError('auth', response.status, 'POST /oauth/v2/token: refused');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw failureOf(response.status, 'POST /oauth/v2/token');
  }
  const value = (await response.json().catch(() => null)) as { access_token?: unknown } | null;
  if (typeof value?.access_token !== 'string' || !value.access_token) {
    throw new SendError('http', response.status, 'POST /oauth/v2/token: no token in the answer');
  }
  return value.access_token;
}

/** Creates an entry with the article's HTML; resolves with its id. */
export async function sendToWallabag(
  account: WallabagAccount,
  article: OutgoingArticle,
  fetchImpl: typeof fetch,
): Promise<number | null> {
  const token = await wallabagToken(account, fetchImpl);
  const response = await request(fetchImpl, new URL('api/entries.json', account.baseUrl).href, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': FORM, Accept: 'application/json' },
    body: form({
      url: article.url,
      // Non-empty, or wallabag fetches the page after all.
      title: article.title || article.url,
      content: article.html,
      ...(article.tags.length ? { tags: article.tags.join(',') } : {}),
    }),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw failureOf(response.status, 'POST /api/entries.json');
  }
  const entry = (await response.json().catch(() => null)) as { id?: unknown } | null;
  return typeof entry?.id === 'number' ? entry.id : null;
}
