/**
 * The library list's small pictures, made once in the background from bytes already at hand (an
 * image just downloaded for the saved copy, or one stored with it): a thumbnail of the lead image
 * and the site's icon, each a few kilobytes, kept as data URLs so the list shows them without
 * asking anything of the network again. Chrome's service worker and Firefox's background page
 * both decode with `createImageBitmap` and draw on an `OffscreenCanvas`; where they are missing
 * (Node tests), there is simply no picture.
 */
import { bytesToBase64 } from '../../library-io/bytes';

export interface PictureSize {
  width: number;
  height: number;
}

/** Shown at 96×72 CSS pixels; the extra pixels keep it sharp on dense screens. */
export const THUMBNAIL_SIZE: PictureSize = { width: 192, height: 144 };
/** Shown at 16 CSS pixels. */
export const ICON_SIZE: PictureSize = { width: 32, height: 32 };

/** Larger than this and a thumbnail is encoded again at a lower quality. */
const MAX_THUMBNAIL_BYTES = 12 * 1024;

export interface Crop {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/** The centred part of a `width`×`height` picture that fills `box` (CSS `object-fit: cover`). */
export function coverCrop(width: number, height: number, box: PictureSize): Crop {
  const scale = Math.max(box.width / width, box.height / height);
  const sw = Math.min(width, box.width / scale);
  const sh = Math.min(height, box.height / scale);
  return { sx: (width - sw) / 2, sy: (height - sh) / 2, sw, sh };
}

interface Canvas2d {
  imageSmoothingQuality: 'low' | 'medium' | 'high';
  drawImage(
    image: ImageBitmap,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
}

interface OffscreenCanvasLike {
  getContext(kind: '2d'): Canvas2d | null;
  convertToBlob(options: { type: string; quality?: number }): Promise<Blob>;
}

interface PictureEnv {
  createImageBitmap?: (image: Blob) => Promise<ImageBitmap>;
  OffscreenCanvas?: new (width: number, height: number) => OffscreenCanvasLike;
}

async function encode(canvas: OffscreenCanvasLike, types: string[], quality: number): Promise<Blob | null> {
  for (const type of types) {
    const blob = await canvas.convertToBlob({ type, quality });
    // A browser that cannot write a type writes PNG instead.
    if (blob.type === type) return blob;
  }
  return null;
}

/**
 * A small copy of `image` cropped to fill `size`, as a data URL (WebP, else JPEG for photos or PNG
 * for icons), or null when the image cannot be decoded here (SVG in a worker, broken bytes).
 */
export async function makePicture(
  image: Blob,
  size: PictureSize,
  env: PictureEnv = globalThis as PictureEnv,
): Promise<string | null> {
  if (!env.createImageBitmap || !env.OffscreenCanvas) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await env.createImageBitmap(image);
  } catch {
    return null;
  }
  try {
    if (bitmap.width < 2 || bitmap.height < 2) return null;
    const isIcon = size === ICON_SIZE;
    const canvas = new env.OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    const { sx, sy, sw, sh } = isIcon
      ? { sx: 0, sy: 0, sw: bitmap.width, sh: bitmap.height }
      : coverCrop(bitmap.width, bitmap.height, size);
    context.drawImage(bitmap, sx, sy, sw, sh, 0, 0, size.width, size.height);
    const types = isIcon ? ['image/webp', 'image/png'] : ['image/webp', 'image/jpeg'];
    let blob = await encode(canvas, types, 0.72);
    if (blob && blob.size > MAX_THUMBNAIL_BYTES) blob = await encode(canvas, types, 0.45);
    if (!blob) return null;
    return `data:${blob.type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}

/** A `data:` image address's bytes, or null when it is not a base64 or percent-encoded image. */
export function dataUrlToBlob(url: string): Blob | null {
  const match = /^data:(image\/[\w.+-]+)(;base64)?,(.*)$/s.exec(url);
  if (!match) return null;
  const [, type, isBase64, payload = ''] = match;
  try {
    const binary = isBase64 ? atob(payload) : decodeURIComponent(payload);
    return new Blob([Uint8Array.from(binary, (c) => c.charCodeAt(0))], { type });
  } catch {
    return null;
  }
}
