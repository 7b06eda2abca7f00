/**
 * Recognises an import file by its content (not its name) and reads it. Everything is parsed and
 * checked before anything is stored: a corrupt or foreign file is rejected whole.
 */
import { unzipSync } from 'fflate';
import type { DomHost } from '../dom-host';
import { parseLibraryArchive } from './archive-import';
import { isOmnivoreExport, parseOmnivoreExport } from './omnivore';
import { looksLikePocketCsv, parsePocketCsv, withPocketHighlights } from './pocket';
import { isPocketAnnotationsFile, parsePocketAnnotations } from './pocket-annotations';
import { ImportFileError, type ParsedImport } from './types';
import { ARCHIVE_MANIFEST } from '../export/library-archive';

/** Larger files are refused before unzipping: a "zip bomb" must not exhaust memory. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
const MAX_UNZIPPED_BYTES = 4 * 1024 ** 3;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ImportFileError('zip-too-large');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('zip-damaged');
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('foreign-file');
  }
}

export async function parseImportFile(dom: Pick<DomHost, 'parsePocketHtml'>, bytes: Uint8Array): Promise<ParsedImport> {
  if (bytes.length === 0) throw new ImportFileError('file-empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('file-too-large');
  if (isZip(bytes)) {
    const files = unzip(bytes);
    if (files[ARCHIVE_MANIFEST]) return { kind: 'archive', drafts: parseLibraryArchive(files), skipped: 0 };
    if (isOmnivoreExport(files)) return parseOmnivoreExport(files);
    const names = Object.keys(files).sort();
    const csvs = names
      .filter((name) => name.toLowerCase().endsWith('.csv'))
      .map((name) => decodeText(files[name]!))
      .filter(looksLikePocketCsv);
    if (csvs.length > 0) {
      const annotations = names.filter(isPocketAnnotationsFile).map((name) => files[name]!);
      return withPocketHighlights(parsePocketCsv(csvs), parsePocketAnnotations(annotations));
    }
    throw new ImportFileError('foreign-file');
  }
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) {
    if (/time_added=|<title>\s*Pocket/i.test(text)) return dom.parsePocketHtml({ html: text });
    throw new ImportFileError('foreign-file');
  }
  if (looksLikePocketCsv(text)) return parsePocketCsv(text);
  throw new ImportFileError('foreign-file');
}
