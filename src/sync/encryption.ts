/**
 * Client-side encryption of the folder: every file AES-256-GCM with a fresh 96-bit IV, bound to
 * its logical name (the additional data) so that files cannot be swapped; keys derived from the
 * passphrase with PBKDF2-HMAC-SHA-256 at OWASP's current count (600,000 iterations, 2023 cheat
 * sheet); file names keyed hashes (HMAC-SHA-256) of the logical names, so the server sees neither
 * titles nor sites nor which images an article holds, only sizes and times.
 */
import { textEncoder } from './canonical-json';

export const PBKDF2_ITERATIONS = 600_000;
const CHECK_TEXT = 'tidy-reader passphrase check';
const FORMAT_BYTE = 1;

export interface EncryptionParams {
  cipher: 'AES-256-GCM';
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  /** The check text, encrypted: tells a wrong passphrase apart before anything is read. */
  check: string;
}

export interface SyncKeys {
  aes: CryptoKey;
  names: CryptoKey;
  /** Both keys' bytes, to keep in `storage.local` instead of deriving them on every start. */
  raw: Uint8Array;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this folder');
    this.name = 'WrongPassphraseError';
  }
}

export class DecryptError extends Error {
  constructor(readonly path: string) {
    super(`${path}: cannot be decrypted with this folder's key`);
    this.name = 'DecryptError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const buffer = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

export async function importKeys(raw: Uint8Array): Promise<SyncKeys> {
  if (raw.length !== 64) throw new Error('Key material must be 64 bytes');
  const aes = await crypto.subtle.importKey('raw', buffer(raw.slice(0, 32)), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const names = await crypto.subtle.importKey('raw', buffer(raw.slice(32)), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return { aes, names, raw };
}

async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<SyncKeys> {
  const base = await crypto.subtle.importKey('raw', textEncoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations },
    base,
    512,
  );
  return importKeys(new Uint8Array(bits));
}

export async function encrypt(keys: SyncKeys, plain: Uint8Array, name: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: textEncoder.encode(name) },
    keys.aes,
    buffer(plain),
  );
  const out = new Uint8Array(1 + iv.length + sealed.byteLength);
  out[0] = FORMAT_BYTE;
  out.set(iv, 1);
  out.set(new Uint8Array(sealed), 1 + iv.length);
  return out;
}

export async function decrypt(keys: SyncKeys, sealed: Uint8Array, name: string): Promise<Uint8Array> {
  if (sealed.length < 1 + 12 + 16 || sealed[0] !== FORMAT_BYTE) throw new DecryptError(name);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buffer(sealed.slice(1, 13)), additionalData: textEncoder.encode(name) },
      keys.aes,
      buffer(sealed.slice(13)),
    );
    return new Uint8Array(plain);
  } catch {
    throw new DecryptError(name);
  }
}

/** The name a logical file has on the server: 32 hex digits of its keyed hash. */
export async function hiddenName(keys: SyncKeys, name: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.names, textEncoder.encode(name));
  return [...new Uint8Array(mac).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** New encryption for a folder: a random salt, and the check that `unlock` tries. */
export async function createEncryption(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ params: EncryptionParams; keys: SyncKeys }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  const check = await encrypt(keys, textEncoder.encode(CHECK_TEXT), 'check');
  return {
    params: {
      cipher: 'AES-256-GCM',
      kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
      check: toBase64(check),
    },
    keys,
  };
}

/** The folder's keys from the passphrase; `WrongPassphraseError` when it is not the folder's. */
export async function unlock(passphrase: string, params: EncryptionParams): Promise<SyncKeys> {
  const keys = await deriveKeys(passphrase, fromBase64(params.kdf.salt), params.kdf.iterations);
  try {
    await decrypt(keys, fromBase64(params.check), 'check');
  } catch {
    throw new WrongPassphraseError();
  }
  return keys;
}
