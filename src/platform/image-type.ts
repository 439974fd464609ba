/**
 * The type of an uploaded image, read from its first bytes (never from its name or the browser's claim).
 * Only raster formats that browsers display safely: SVG is refused because it can carry script.
 */
export type ImageType = { mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp'; extension: string };

export function sniffImage(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { mime: 'image/jpeg', extension: 'jpg' };
  }
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return { mime: 'image/png', extension: 'png' };
  }
  if (
    bytes.length >= 6 &&
    (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' ||
      bytes.subarray(0, 6).toString('latin1') === 'GIF89a')
  ) {
    return { mime: 'image/gif', extension: 'gif' };
  }
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return { mime: 'image/webp', extension: 'webp' };
  }
  return undefined;
}

/** Largest width or height accepted, in pixels: beyond any photo a commune publishes, and a bound on decoders. */
export const MAX_IMAGE_SIDE = 20_000;

/**
 * Width and height read from the image's header (PNG IHDR, GIF screen, JPEG start-of-frame, WebP VP8/VP8L/VP8X),
 * or undefined when the header is missing, truncated or says 0 × 0. A file that only starts with a signature is
 * not an image.
 */
export function imageSize(bytes: Buffer, type: ImageType): { width: number; height: number } | undefined {
  const size = readSize(bytes, type);
  return size && size.width >= 1 && size.height >= 1 ? size : undefined;
}

/** Is this a real image (dimensions readable) of a sensible size (1 to MAX_IMAGE_SIDE on each side)? */
export function hasSensibleSize(size: { width: number; height: number } | undefined): boolean {
  return !!size && size.width <= MAX_IMAGE_SIDE && size.height <= MAX_IMAGE_SIDE;
}

function readSize(bytes: Buffer, type: ImageType): { width: number; height: number } | undefined {
  switch (type.mime) {
    case 'image/png':
      // The first chunk must be IHDR (length 13): width and height are its first two 32-bit fields.
      if (bytes.length >= 24 && bytes.readUInt32BE(8) === 13 && ascii(bytes, 12, 4) === 'IHDR') {
        return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
      }
      return undefined;
    case 'image/gif':
      return bytes.length >= 10 ? { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) } : undefined;
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/webp':
      return webpSize(bytes);
  }
}

const ascii = (b: Buffer, at: number, n: number) => b.subarray(at, at + n).toString('latin1');

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      return undefined;
    }
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    if (length < 2) {
      return undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (
    chunk === 'VP8 ' &&
    bytes.length >= 30 &&
    bytes[23] === 0x9d &&
    bytes[24] === 0x01 &&
    bytes[25] === 0x2a
  ) {
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

/**
 * A safe display file name: no path, no control characters and no invisible format characters (\p{Cf}: bidi
 * overrides such as U+202E, which show "anh\u202Egpj.exe" as "anhexe.jpg", and zero-width spaces), at most 120 characters,
 * diacritics kept.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'tep').slice(-120);
}
