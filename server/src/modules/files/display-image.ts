import { DISPLAY_IMAGE_MAX_WIDTH } from '@affluents/contracts';
import sharp from 'sharp';
import { fileErrors } from './file-checks';

/** Images with more pixels are refused before decoding (a small file can declare a huge image). */
export const MAX_IMAGE_PIXELS = 60_000_000;

// Decoded images are not kept between uploads: memory goes back once a variant is made.
sharp.cache(false);

/** The screen version of an uploaded image, and the size of the original as it is shown. */
export interface DisplayImage {
  data: Buffer;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** The original's pixel size once turned upright by its EXIF orientation. */
  originalWidth: number;
  originalHeight: number;
}

const formatOf: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/**
 * Makes the screen version of an image: turned upright by its EXIF orientation, at most
 * DISPLAY_IMAGE_MAX_WIDTH wide, every metadata removed (EXIF, GPS, XMP, comments: a photo must not tell
 * where it was taken), as JPEG, or PNG when it has transparency (what browsers and the PDF exports
 * draw). An animated GIF or WebP keeps its first frame. A content sharp cannot decode, or of another
 * format than the one recognised, is refused with a French error naming the file.
 */
export async function makeDisplayImage(
  original: Buffer,
  mediaType: string,
  name: string,
): Promise<DisplayImage> {
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' as const };
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(original, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw fileErrors.unreadableImage(name);
  }
  if (metadata.format !== formatOf[mediaType] || !metadata.width || !metadata.height)
    throw fileErrors.unreadableImage(name);
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS)
    throw fileErrors.imageTooLarge(name, MAX_IMAGE_PIXELS);
  const transparent = metadata.hasAlpha;
  try {
    const pipeline = sharp(original, { ...options, autoOrient: true }).resize({
      width: DISPLAY_IMAGE_MAX_WIDTH,
      withoutEnlargement: true,
    });
    const { data, info } = await (transparent
      ? pipeline.png({ compressionLevel: 8 })
      : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      data,
      mediaType: transparent ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
      originalWidth: metadata.autoOrient?.width ?? metadata.width,
      originalHeight: metadata.autoOrient?.height ?? metadata.height,
    };
  } catch {
    throw fileErrors.unreadableImage(name);
  }
}
