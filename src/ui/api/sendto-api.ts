import type { SendToKind, SendToResult, SendToSetup, SendToStatus } from '../../shared/sendto-types';

export type { SendToErrorCode, SendToKind, SendToResult, SendToSetup, SendToStatus } from '../../shared/sendto-types';

/** Send to Readeck / wallabag (`api.sendTo`). */
export interface SendToApi {
  status(): Promise<SendToStatus>;
  /**
   * Asks for access to the server's site, then checks and keeps the server. Call it first thing
   * in a click handler (the prompt needs the gesture); a refusal comes back as `error`.
   */
  connect(setup: SendToSetup): Promise<SendToStatus>;
  forget(kind: SendToKind): Promise<SendToStatus>;
  /** Sends the saved article `id` as the reader sees it. */
  send(kind: SendToKind, id: string): Promise<SendToResult>;
}
