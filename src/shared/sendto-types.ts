/** Send to a read-it-later server (Readeck, wallabag): what the pages and the background say. */

export type SendToKind = 'readeck' | 'wallabag';

export const SEND_TO_KINDS: readonly SendToKind[] = ['readeck', 'wallabag'];

/** Why connecting or sending failed; each has a message that says what to do. */
export type SendToErrorCode =
  | 'network'
  /** The token, client or password was refused. */
  | 'auth'
  /** The server refused what was sent. */
  | 'rejected'
  | 'http'
  | 'bad-address'
  /** The reader declined access to the server's site. */
  | 'no-access'
  /** The article is not in the library (or the server is not set up). */
  | 'not-found'
  | 'failed';

/** What the settings form sends: the address, and a token (Readeck) or an API client and account (wallabag). */
export interface SendToSetup {
  kind: SendToKind;
  url: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  /** Access to the server's site was asked for by this setup: forgetting the server gives it back. */
  askedAccess?: boolean;
}

export interface SendToStatus {
  /** The servers set up, by kind, with their addresses (never a credential). */
  servers: { kind: SendToKind; url: string }[];
  error: SendToErrorCode | null;
}

export interface SendToResult {
  error: SendToErrorCode | null;
}
