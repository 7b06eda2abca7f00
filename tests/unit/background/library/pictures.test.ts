import { describe, expect, it } from 'vitest';
import { coverCrop, dataUrlToBlob, makePicture, THUMBNAIL_SIZE } from '../../../../src/background/library/pictures';

describe('the list’s pictures', () => {
  it('crops the middle of a picture to fill the thumbnail, as object-fit: cover', () => {
    // A wide picture loses its sides, a tall one its top and bottom; the box's 4:3 is kept.
    expect(coverCrop(1600, 600, { width: 160, height: 120 })).toEqual({ sx: 400, sy: 0, sw: 800, sh: 600 });
    expect(coverCrop(600, 1600, { width: 160, height: 120 })).toEqual({ sx: 0, sy: 575, sw: 600, sh: 450 });
    expect(coverCrop(40, 30, { width: 160, height: 120 })).toEqual({ sx: 0, sy: 0, sw: 40, sh: 30 });
  });

  it('reads the bytes of a data: icon, and refuses what is not an image', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,iVBORw==');
    expect(blob?.type).toBe('image/png');
    expect([...new Uint8Array(await blob!.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await dataUrlToBlob('data:image/svg+xml,%3Csvg%2F%3E')?.text()) ?? '').toBe('<svg/>');
    expect(dataUrlToBlob('data:text/html;base64,PGI+')).toBeNull();
    expect(dataUrlToBlob('https://example.com/favicon.ico')).toBeNull();
  });

  it('makes no picture where the platform cannot decode images, or when decoding fails', async () => {
    expect(await makePicture(new Blob(['x']), THUMBNAIL_SIZE, {})).toBeNull();
    const failing = {
      createImageBitmap: () => Promise.reject(new Error('cannot decode')),
      OffscreenCanvas: class {
        getContext() {
          return null;
        }
        convertToBlob() {
          return Promise.resolve(new Blob());
        }
      },
    };
    expect(await makePicture(new Blob(['x']), THUMBNAIL_SIZE, failing)).toBeNull();
  });
});
