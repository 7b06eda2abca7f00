/**
 * Sending an article to the reader's own read-it-later server (Readeck, wallabag) as the reader
 * sees it: the cleaned, sanitised HTML from the library, with its images, so the server does not
 * fetch the page itself (and fail on paywalls, logins and script-built pages).
 */

/** What is sent: the library's copy of a saved article. */
export interface OutgoingArticle {
  url: string;
  title: string;
  /** Sanitised HTML (the library's `contents.html`): images keep their absolute addresses. */
  html: string;
  /** The stored images, by the address the HTML uses. */
  images: { url: string; type: string; bytes: Uint8Array }[];
  tags: string[];
}

export type SendFailure =
  /** The server could not be reached, or the connection dropped. */
  | 'network'
  /** 401/403: the token, client or password is wrong (or was revoked). */
  | 'auth'
  /** 400/422: the server refused what was sent. */
  | 'rejected'
  /** Anything else unexpected (5xx included). */
  | 'http';

export class SendError extends Error {
  constructor(
    readonly kind: SendFailure,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export function failureOf(status: number, what: string): SendError {
  if (status === 401 || status === 403) return new SendError('auth', status, `${what}: ${status}`);
  if (status === 400 || status === 422) return new SendError('rejected', status, `${what}: ${status}`);
  return new SendError('http', status, `${what}: HTTP ${status}`);
}

/** `fetch` with the failures said as `SendError` and credentials kept to the header given. */
export async function request(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: BodyInit },
  timeoutMs = 30_000,
): Promise<Response> {
  try {
    return await fetchImpl(url, {
      ...init,
      // The reader's credentials go in the header, never a cookie of the server's site.
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SendError('network', null, `${init.method} ${new URL(url).pathname}: ${String(error)}`);
  }
}
