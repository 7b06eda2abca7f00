import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createTransfers } from '../../../src/background/library/transfers';
import { base64ToBytes } from '../../../src/library-io/bytes';
import { ARCHIVE_MANIFEST, writeLibraryArchive } from '../../../src/library-io/export/library-archive';
import type { ExportArticle } from '../../../src/library-io/export/types';
import { parseLibraryArchive } from '../../../src/library-io/import/archive-import';
import { fields } from '../storage/support';

function exportArticle(n: number, imageBytes: number): ExportArticle {
  const id = `article-${n}`;
  const url = `https://news.example/${n}`;
  return {
    record: {
      id,
      url,
      canonicalUrl: null,
      urlKeys: [`news.example/${n}`],
      host: 'news.example',
      ...fields({ leadImage: null }),
      status: 'complete',
      source: 'page',
      savedAt: 1_700_000_000_000 + n,
      updatedAt: 1_700_000_000_000 + n,
      tags: [],
      isRead: false,
      isArchived: false,
      isFavorite: false,
      position: null,
      images: { total: 1, stored: 1 },
      revision: n,
    },
    content: { id, html: `<p>Body ${n}</p><img src="${url}/a.png">`, text: `Body ${n}`, imageUrls: [`${url}/a.png`] },
    images: [{ url: `${url}/a.png`, type: 'image/png', bytes: new Uint8Array(imageBytes).fill(n) }],
  };
}

describe('library archive, streamed', () => {
  it('writes each article’s images before the next article is read, and the manifest last', async () => {
    let written = 0;
    const writtenWhenAsked: number[] = [];
    async function* articles() {
      for (let n = 1; n <= 3; n++) {
        writtenWhenAsked.push(written);
        yield exportArticle(n, 100_000);
      }
    }
    const chunks: Uint8Array[] = [];
    await writeLibraryArchive(articles(), { exportedAt: new Date('2024-12-01'), baseName: 'x' }, (chunk) => {
      chunks.push(chunk);
      written += chunk.length;
    });
    // The second article is read only once the first one's 100 kB are out of memory's way.
    expect(writtenWhenAsked[1]).toBeGreaterThan(100_000);
    expect(writtenWhenAsked[2]).toBeGreaterThan(200_000);

    const bytes = new Uint8Array(written);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const files = unzipSync(bytes);
    expect(Object.keys(files).at(-1)).toBe(ARCHIVE_MANIFEST);
    const drafts = parseLibraryArchive(files);
    expect(drafts.map((d) => d.id)).toEqual(['article-1', 'article-2', 'article-3']);
    expect(drafts[1]!.images[0]!.bytes).toEqual(new Uint8Array(100_000).fill(2));
  });

  it('hands an export to the page in chunks read from its Blob', async () => {
    const transfers = createTransfers();
    const data = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = i % 251;
    const id = transfers.offer(new Blob([data]));
    const first = base64ToBytes(await transfers.read(id, 0, 8 * 1024 * 1024));
    // A page asking for more than a chunk gets a chunk: messages stay small.
    expect(first.length).toBe(4 * 1024 * 1024);
    const rest = base64ToBytes(await transfers.read(id, first.length, data.length));
    const tail = base64ToBytes(await transfers.read(id, first.length + rest.length, data.length));
    const joined = new Uint8Array(first.length + rest.length + tail.length);
    joined.set(first);
    joined.set(rest, first.length);
    joined.set(tail, first.length + rest.length);
    // Every byte, in order (a byte-wise compare, not a 10-million-element diff).
    expect(Buffer.compare(joined, data)).toBe(0);
    transfers.close(id);
    await expect(transfers.read(id, 0, 10)).rejects.toThrow(/expired/);
  });
});
