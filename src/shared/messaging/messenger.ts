import type { FailureReason } from '../i18n/failures';
import type { Envelope, MessageError, Receiver, Reply, RequestOf, ResponseOf, ErrorCode } from './protocol';
import { isOwnTabRequest, senderRoleOf, type SenderInfo, type SenderRole, type SenderRoles } from './sender-roles';

export type MessageSender = SenderInfo;

type Listener = (message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => true | undefined;

/** What the messenger needs of `browser.runtime`; a fake implements it in unit tests. */
export interface RuntimePort {
  id: string;
  getURL(path: string): string;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

export type Handlers<A extends object> = {
  [K in keyof A]: (req: RequestOf<A, K>, sender: MessageSender) => Promise<ResponseOf<A, K>> | ResponseOf<A, K>;
};

/**
 * An error that carries a code across the channel, and the reason a person is told (see
 * `src/shared/i18n/failures.ts`); anything else thrown becomes `failed`.
 */
export class MessagingError extends Error {
  readonly reason?: FailureReason;
  readonly params?: string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    detail: { reason?: FailureReason; params?: string[] } = {},
  ) {
    super(message);
    this.name = 'MessagingError';
    if (detail.reason) this.reason = detail.reason;
    if (detail.params?.length) this.params = detail.params;
  }
}

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return (
    m.channel === 'tidy-reader' &&
    typeof m.type === 'string' &&
    (m.to === 'background' || m.to === 'content' || m.to === 'clutter' || m.to === 'offscreen')
  );
}

export function createEnvelope(to: Receiver, type: string, req: unknown): Envelope {
  return { channel: 'tidy-reader', to, type, req };
}

/**
 * What crosses the channel for a thrown error: a `MessagingError`'s code, reason and parameters,
 * else an unexpected `failed` with the error's own text.
 */
export function toFailureDetail(error: unknown): MessageError {
  if (error instanceof MessagingError) {
    const { code, message, reason, params } = error;
    return { code, message, ...(reason ? { reason } : {}), ...(params ? { params } : {}) };
  }
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** Why a sender of `role` may not send this message, or null when it may. */
function refusalOf(allowed: readonly SenderRole[], role: SenderRole, message: Envelope, sender: MessageSender) {
  if (!allowed.includes(role)) return `${message.type} may not be sent from a ${role} context`;
  if (role === 'content' && !isOwnTabRequest(message.req, sender)) return 'A page may only ask about its own tab';
  return null;
}

/**
 * Serves one receiver's protocol behind a single synchronous listener (async listeners break on
 * older Chrome). Messages for other receivers are left alone so their own listener can answer.
 * Each message is checked against `senders`, the contexts allowed to send it; a refused one gets
 * `forbidden` and reaches no handler. Returns a function that stops serving.
 */
export function serve<A extends object>(
  runtime: RuntimePort,
  receiver: Receiver,
  handlers: Handlers<A>,
  senders: SenderRoles<A>,
): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    if (!isEnvelope(message) || message.to !== receiver) return undefined;
    const reply = (value: Reply<unknown>) => sendResponse(value);
    const role = senderRoleOf(sender, runtime);
    if (role === null) {
      reply({ ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } });
      return true;
    }
    if (!Object.hasOwn(handlers, message.type) || !Object.hasOwn(senders, message.type)) {
      reply({ ok: false, error: { code: 'bad-request', message: `Unknown message type: ${message.type}` } });
      return true;
    }
    const refusal = refusalOf(senders[message.type as keyof A], role, message, sender);
    if (refusal !== null) {
      reply({ ok: false, error: { code: 'forbidden', message: refusal } });
      return true;
    }
    const handler = handlers[message.type as keyof A] as (req: unknown, sender: MessageSender) => unknown;
    Promise.resolve()
      .then(() => handler(message.req, sender))
      .then(
        (value) => reply({ ok: true, value }),
        (error: unknown) => reply({ ok: false, error: toFailureDetail(error) }),
      );
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

/** Whether a receiver answered: what a send resolves to when no listener did is not a reply. */
export function isReply(reply: unknown): reply is Reply<unknown> {
  return typeof reply === 'object' && reply !== null && 'ok' in reply;
}

/** Turns a transport reply into a value or a thrown `MessagingError`. */
export function unwrapReply<T>(reply: unknown): T {
  if (!isReply(reply)) throw new MessagingError('failed', 'No answer from the receiver');
  const r = reply as Reply<T>;
  if (r.ok) return r.value;
  const { code, message, reason, params } = r.error;
  throw new MessagingError(code, message, { reason, params });
}

export type Sender<A extends object> = <K extends keyof A & string>(
  type: K,
  req: RequestOf<A, K>,
) => Promise<ResponseOf<A, K>>;
