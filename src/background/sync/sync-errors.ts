/** The sync's failures as the codes the pages explain (never with credentials in them). */
import type { SyncErrorCode } from '../../shared/sync-types';
import { ForeignFileError } from '../../sync/article-file';
import { DecryptError, WrongPassphraseError } from '../../sync/encryption';
import { EncryptionMismatchError } from '../../sync/folder';
import { ConflictError, TransportError } from '../../sync/webdav';

export function syncErrorCode(error: unknown): SyncErrorCode {
  if (error instanceof TransportError) return error.kind;
  if (error instanceof WrongPassphraseError || error instanceof DecryptError) return 'wrong-passphrase';
  if (error instanceof EncryptionMismatchError) return error.folderIsEncrypted ? 'passphrase-needed' : 'not-encrypted';
  if (error instanceof ForeignFileError) return 'not-ours';
  // Still conflicting after every retry: another device is writing; the next run goes on.
  if (error instanceof ConflictError) return 'http';
  return 'failed';
}

/** Whether waiting and trying again can help (not a wrong password or passphrase). */
export function isTransient(code: SyncErrorCode): boolean {
  return code === 'network' || code === 'timeout' || code === 'http' || code === 'full' || code === 'failed';
}
