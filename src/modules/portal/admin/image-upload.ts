import {
  hasSensibleSize,
  imageSize,
  sanitizeFileName,
  sniffImage,
  type ImageType,
} from '../../../platform/image-type.js';

/** An uploaded image that passed the checks, ready to store. */
export type PreparedImage = {
  bytes: Buffer;
  type: ImageType;
  fileName: string;
  width: number;
  height: number;
};

export type UploadCheck =
  | { kind: 'none' }
  | { kind: 'invalid'; code: 'not_image' | 'too_large' }
  | { kind: 'image'; image: PreparedImage };

/**
 * Checks a file field of a multipart form (app.tsx puts `{filename, mimetype, data}` there). The type comes from
 * the bytes, never from the name or the browser's claim, and its width and height must be readable from its header
 * (1 to MAX_IMAGE_SIDE pixels); an empty file input counts as no file. Pure.
 */
export function checkImageUpload(value: unknown, maxBytes: number): UploadCheck {
  if (!value || typeof value !== 'object' || !('data' in value) || !Buffer.isBuffer(value.data)) {
    return { kind: 'none' };
  }
  const data = value.data;
  const filename = 'filename' in value && typeof value.filename === 'string' ? value.filename : '';
  if (data.length === 0 && filename === '') {
    return { kind: 'none' };
  }
  if (data.length > maxBytes) {
    return { kind: 'invalid', code: 'too_large' };
  }
  const type = sniffImage(data);
  if (!type) {
    return { kind: 'invalid', code: 'not_image' };
  }
  const size = imageSize(data, type);
  // A signature alone (or a header with no size, or 0 × 0, or huge) is not an image anyone can be shown.
  if (!size || !hasSensibleSize(size)) {
    return { kind: 'invalid', code: 'not_image' };
  }
  return {
    kind: 'image',
    image: {
      bytes: data,
      type,
      fileName: sanitizeFileName(filename),
      width: size.width,
      height: size.height,
    },
  };
}
