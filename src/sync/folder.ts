/**
 * The sync folder on the server:
 *
 * ```
 * tidy-reader.json          what the folder is: format version, and the encryption parameters
 * manifest.json             every article's rev, hash and latest stamp (manifest.ts)
 * articles/<id>.json        one article (article-file.ts)
 * blobs/<sha256>            one image, named by the hash of its bytes
 * ```
 *
 * Encrypted, the same files are `manifest.enc`, `articles/<keyed hash of the id>.enc` and
 * `blobs/<keyed hash of the sha256>`, each sealed with AES-GCM (encryption.ts).
 */
import { parseArticleFile, ForeignFileError, type ArticleFile } from './article-file';
import { isPlainObject, sha256Hex, textEncoder } from './canonical-json';
import {
  createEncryption,
  decrypt,
  encrypt,
  hiddenName,
  unlock,
  type EncryptionParams,
  type SyncKeys,
} from './encryption';
import { emptyManifest, parseManifest, type Manifest } from './manifest';
import { ConflictError, type Dav } from './webdav';

export const FORMAT_FILE = 'tidy-reader.json';
export const FOLDER_FORMAT = 'tidy-reader.library';

export interface FolderFormat {
  format: typeof FOLDER_FORMAT;
  version: 1;
  encryption: EncryptionParams | null;
}

/** The folder is set up for encryption and no passphrase was given, or the other way round. */
export class EncryptionMismatchError extends Error {
  constructor(readonly folderIsEncrypted: boolean) {
    super(folderIsEncrypted ? 'The folder is encrypted: a passphrase is needed' : 'The folder is not encrypted');
    this.name = 'EncryptionMismatchError';
  }
}

function parseFormat(bytes: Uint8Array): FolderFormat {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ForeignFileError(FORMAT_FILE, 'not JSON');
  }
  if (!isPlainObject(value) || value.format !== FOLDER_FORMAT) throw new ForeignFileError(FORMAT_FILE, 'not ours');
  if (value.version !== 1) throw new ForeignFileError(FORMAT_FILE, `unknown version ${String(value.version)}`);
  const enc = value.encryption;
  if (enc !== null) {
    const ok =
      isPlainObject(enc) &&
      enc.cipher === 'AES-256-GCM' &&
      isPlainObject(enc.kdf) &&
      enc.kdf.name === 'PBKDF2-SHA-256' &&
      typeof enc.kdf.iterations === 'number' &&
      typeof enc.kdf.salt === 'string' &&
      typeof enc.check === 'string';
    if (!ok) throw new ForeignFileError(FORMAT_FILE, 'unknown encryption');
  }
  return value as unknown as FolderFormat;
}

/**
 * Opens the folder, making it (and its format file) when it is new. With a passphrase the folder
 * must be encrypted with it (`WrongPassphraseError`, `EncryptionMismatchError` otherwise); nothing
 * is written to a folder that is already set up.
 */
export async function openFolder(
  dav: Dav,
  passphrase: string | null,
  options: { iterations?: number } = {},
): Promise<{ keys: SyncKeys | null; format: FolderFormat; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await dav.get(FORMAT_FILE);
    if (found.status === 200 && found.body) {
      const format = parseFormat(found.body);
      if (!format.encryption !== !passphrase) throw new EncryptionMismatchError(!!format.encryption);
      const keys = format.encryption && passphrase ? await unlock(passphrase, format.encryption) : null;
      return { keys, format, created: false };
    }
    // Another device may be making the same folders at this moment (Apache may answer 403 to
    // the second MKCOL): a folder that exists afterwards is fine.
    const makeFolder = async (path: string) => {
      try {
        await dav.mkcol(path);
      } catch (error) {
        if (!(await dav.exists(path))) throw error;
      }
    };
    if (!(await dav.exists(''))) await makeFolder('');
    await makeFolder('articles/');
    await makeFolder('blobs/');
    const made = passphrase ? await createEncryption(passphrase, options.iterations) : null;
    const format: FolderFormat = { format: FOLDER_FORMAT, version: 1, encryption: made?.params ?? null };
    try {
      await dav.put(FORMAT_FILE, textEncoder.encode(JSON.stringify(format, null, 2)), { create: true });
      return { keys: made?.keys ?? null, format, created: true };
    } catch (error) {
      // Another device set the folder up first: use its format.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new Error('The folder could not be set up');
}

export interface ReadFile<T> {
  value: T;
  etag: string | null;
  /** sha256 of the bytes as stored (what the manifest records). */
  hash: string;
}

/** The files of an opened folder, encrypted or not. */
export interface RemoteFolder {
  readonly isEncrypted: boolean;
  /** `unchanged` when the manifest's ETag is still `etag`; an empty manifest when there is none. */
  readManifest(etag: string | null): Promise<'unchanged' | (ReadFile<Manifest> & { skipped: string[] })>;
  /** `etag` null: create (fails with `ConflictError` if someone did first). */
  writeManifest(manifest: Manifest, etag: string | null): Promise<{ etag: string | null }>;
  /** Null when the server has no such file; `ForeignFileError` when it is not one of ours. */
  readArticle(id: string): Promise<ReadFile<ArticleFile> | null>;
  /** `etag` null: create; `overwrite`: in place of a file that is not ours. */
  writeArticle(file: ArticleFile, etag: string | null | 'overwrite'): Promise<{ etag: string | null; hash: string }>;
  deleteArticle(id: string): Promise<void>;
  /** Null when missing; `ForeignFileError` when its bytes do not match its hash. */
  readBlob(sha: string): Promise<Uint8Array | null>;
  /**
   * Writes an image (again if the server has it: the write renews its time, so a collection of
   * unused images running elsewhere at that moment leaves it alone).
   */
  writeBlob(sha: string, bytes: Uint8Array): Promise<void>;
  /** The files in `blobs/` (server names) with their times, and the server's time now. */
  listBlobs(): Promise<{ files: { name: string; modifiedAt: number | null }[]; serverNow: number | null }>;
  /** Deletes `blobs/<name>` (a server name from `listBlobs`). */
  deleteBlob(name: string): Promise<void>;
  /** The server's name of a logical file (for messages and tests). */
  pathOf(logical: string): Promise<string>;
}

export function articleName(id: string): string {
  return `articles/${id}.json`;
}

export function blobName(sha: string): string {
  return `blobs/${sha}`;
}

export function createRemoteFolder(dav: Dav, keys: SyncKeys | null): RemoteFolder {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** `blobs/<sha256>`, or encrypted `blobs/<keyed hash>` (128 bits, see `hiddenName`). */
  const blobNamePattern = keys ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{64}$/;

  async function pathOf(logical: string): Promise<string> {
    if (!keys) return logical;
    if (logical === 'manifest.json') return 'manifest.enc';
    const [folder] = logical.split('/');
    const hidden = await hiddenName(keys, logical);
    return folder === 'blobs' ? `blobs/${hidden}` : `articles/${hidden}.enc`;
  }

  async function seal(bytes: Uint8Array, logical: string): Promise<Uint8Array> {
    return keys ? encrypt(keys, bytes, logical) : bytes;
  }

  async function open(bytes: Uint8Array, logical: string, path: string): Promise<Uint8Array> {
    if (!keys) return bytes;
    try {
      return await decrypt(keys, bytes, logical);
    } catch {
      throw new ForeignFileError(path, 'cannot be decrypted with this passphrase');
    }
  }

  function parseJson(bytes: Uint8Array, path: string): unknown {
    try {
      return JSON.parse(decoder.decode(bytes));
    } catch {
      throw new ForeignFileError(path, 'not JSON');
    }
  }

  const json = (value: unknown) => textEncoder.encode(JSON.stringify(value));

  return {
    isEncrypted: keys !== null,
    pathOf,

    async readManifest(etag) {
      const path = await pathOf('manifest.json');
      const found = await dav.get(path, { ifNoneMatch: etag });
      if (found.status === 304) return 'unchanged';
      if (found.status === 404 || !found.body) return { value: emptyManifest(), etag: null, hash: '', skipped: [] };
      const hash = await sha256Hex(found.body);
      const { manifest, skipped } = parseManifest(parseJson(await open(found.body, 'manifest.json', path), path), path);
      return { value: manifest, etag: found.etag, hash, skipped };
    },

    async writeManifest(manifest, etag) {
      const path = await pathOf('manifest.json');
      return dav.put(path, await seal(json(manifest), 'manifest.json'), etag ? { ifMatch: etag } : { create: true });
    },

    async readArticle(id) {
      const logical = articleName(id);
      const path = await pathOf(logical);
      const found = await dav.get(path);
      if (found.status !== 200 || !found.body) return null;
      const hash = await sha256Hex(found.body);
      const value = parseArticleFile(parseJson(await open(found.body, logical, path), path), path, id);
      return { value, etag: found.etag, hash };
    },

    async writeArticle(file, etag) {
      const logical = articleName(file.id);
      const bytes = await seal(json(file), logical);
      const condition = etag === 'overwrite' ? {} : etag ? { ifMatch: etag } : { create: true };
      const written = await dav.put(await pathOf(logical), bytes, condition);
      return { etag: written.etag, hash: await sha256Hex(bytes) };
    },

    async deleteArticle(id) {
      await dav.delete(await pathOf(articleName(id)));
    },

    async readBlob(sha) {
      const logical = blobName(sha);
      const path = await pathOf(logical);
      const found = await dav.get(path);
      if (found.status !== 200 || !found.body) return null;
      const bytes = await open(found.body, logical, path);
      if ((await sha256Hex(bytes)) !== sha) throw new ForeignFileError(path, 'does not match its hash');
      return bytes;
    },

    async writeBlob(sha, bytes) {
      const logical = blobName(sha);
      const path = await pathOf(logical);
      const sealed = await seal(bytes, logical);
      for (let attempt = 1; ; attempt++) {
        try {
          // Unconditional: content-addressed (same name, same bytes), and the write renews the
          // file's time, which the collection of unused images goes by.
          await dav.put(path, sealed, {});
          return;
        } catch (error) {
          // A 412 to a write without a condition comes from something between us and the server.
          if (!(error instanceof ConflictError) || attempt >= 4) throw error;
        }
      }
    },

    async listBlobs() {
      const listed = await dav.list('blobs/');
      // Only names of ours: another program's files in the folder are left alone.
      return { ...listed, files: listed.files.filter((f) => blobNamePattern.test(f.name)) };
    },

    async deleteBlob(name) {
      if (!blobNamePattern.test(name)) throw new Error(`Not an image of ours: ${name}`);
      await dav.delete(`blobs/${name}`);
    },
  };
}
