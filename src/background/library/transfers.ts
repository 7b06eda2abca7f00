/**
 * Files between pages and the background. Runtime messaging carries JSON only, so a file crosses
 * as base64 chunks: a page uploads an import file chunk by chunk, or reads an export the same way.
 * Uploads live in memory, exports as Blobs (which browsers may keep on disk); both expire, so an
 * abandoned one cannot pin memory for long.
 */
import { base64ToBytes, bytesToBase64 } from '../../library-io/bytes';
import { LibraryError } from '../../storage/errors';

/** Chunk size pages use: 4 MiB of bytes is about 5.6 MB of base64, well within message limits. */
export const TRANSFER_CHUNK_BYTES = 4 * 1024 * 1024;
const TTL_MS = 10 * 60 * 1000;
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

interface Transfer {
  /** An upload being received. */
  bytes?: Uint8Array;
  received: number;
  /** An export waiting to be read. */
  blob?: Blob;
  expires: number;
}

export function createTransfers(now: () => number = Date.now) {
  const transfers = new Map<string, Transfer>();

  function sweep(): void {
    for (const [id, t] of transfers) if (t.expires < now()) transfers.delete(id);
  }

  function take(id: string): Transfer {
    const transfer = transfers.get(id);
    if (!transfer) throw new LibraryError('not-found', 'transfer-expired');
    transfer.expires = now() + TTL_MS;
    return transfer;
  }

  return {
    open(size: number): string {
      sweep();
      if (!Number.isInteger(size) || size < 0 || size > MAX_UPLOAD_BYTES) {
        throw new LibraryError('bad-request', 'file-too-large');
      }
      const id = crypto.randomUUID();
      transfers.set(id, { bytes: new Uint8Array(size), received: 0, expires: now() + TTL_MS });
      return id;
    },
    write(id: string, offset: number, data: string): number {
      const transfer = take(id);
      const chunk = base64ToBytes(data);
      if (!transfer.bytes || offset !== transfer.received || offset + chunk.length > transfer.bytes.length) {
        throw new LibraryError('bad-request', 'chunks-out-of-order');
      }
      transfer.bytes.set(chunk, offset);
      transfer.received += chunk.length;
      return transfer.received;
    },
    /** The complete upload; it is forgotten once taken. */
    finish(id: string): Uint8Array {
      const transfer = take(id);
      transfers.delete(id);
      if (!transfer.bytes || transfer.received !== transfer.bytes.length)
        throw new LibraryError('bad-request', 'file-incomplete');
      return transfer.bytes;
    },
    /** Holds a finished export for the page to read. */
    offer(blob: Blob): string {
      sweep();
      const id = crypto.randomUUID();
      transfers.set(id, { blob, received: blob.size, expires: now() + TTL_MS });
      return id;
    },
    async read(id: string, offset: number, length: number): Promise<string> {
      const { blob } = take(id);
      if (!blob) throw new LibraryError('bad-request', 'not-an-export');
      const end = Math.min(blob.size, offset + Math.min(length, TRANSFER_CHUNK_BYTES));
      return bytesToBase64(new Uint8Array(await blob.slice(offset, end).arrayBuffer()));
    },
    close(id: string): void {
      transfers.delete(id);
    },
  };
}

export type Transfers = ReturnType<typeof createTransfers>;
