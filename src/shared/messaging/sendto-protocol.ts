/** Send to a read-it-later server, served by the background (src/background/sendto). */
import type { SendToKind, SendToResult, SendToSetup, SendToStatus } from '../sendto-types';
import type { SenderRoles } from './sender-roles';

export interface SendToBackgroundApi {
  'sendto.status': (req: Record<string, never>) => SendToStatus;
  /**
   * Checks the server and the credentials and keeps them (storage.local). The page asks for
   * access to the server's site first (the prompt needs the click).
   */
  'sendto.connect': (req: SendToSetup) => SendToStatus;
  /** Forgets the server and its credentials, and gives back the access asked for its site. */
  'sendto.forget': (req: { kind: SendToKind }) => SendToStatus;
  /** Sends a saved article as the reader sees it: the library's sanitised HTML and its images. */
  'sendto.send': (req: { kind: SendToKind; id: string }) => SendToResult;
}

/** Only the extension's own pages: credentials and the library never reach a web page's script. */
export const sendToSenders: SenderRoles<SendToBackgroundApi> = {
  'sendto.status': ['extension'],
  'sendto.connect': ['extension'],
  'sendto.forget': ['extension'],
  'sendto.send': ['extension'],
};
