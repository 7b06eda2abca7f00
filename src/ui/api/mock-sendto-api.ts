import type { SendToApi, SendToErrorCode, SendToKind, SendToStatus } from './sendto-api';

export interface MockSendToOptions {
  servers?: SendToStatus['servers'];
  /** What connecting or sending fails with, if it does. */
  error?: SendToErrorCode;
}

export type MockSendToApi = SendToApi & { sent: { kind: SendToKind; id: string }[] };

/** An in-memory `SendToApi` for component tests and previews. */
export function createMockSendToApi(options: MockSendToOptions = {}): MockSendToApi {
  let servers = [...(options.servers ?? [])];
  const sent: { kind: SendToKind; id: string }[] = [];
  const status = async (error: SendToErrorCode | null = null): Promise<SendToStatus> => ({
    servers: [...servers],
    error,
  });
  return {
    sent,
    status: () => status(),
    async connect(setup) {
      if (options.error) return status(options.error);
      servers = [...servers.filter((s) => s.kind !== setup.kind), { kind: setup.kind, url: setup.url }];
      return status();
    },
    async forget(kind) {
      servers = servers.filter((s) => s.kind !== kind);
      return status();
    },
    async send(kind, id) {
      if (options.error) return { error: options.error };
      sent.push({ kind, id });
      return { error: null };
    },
  };
}
