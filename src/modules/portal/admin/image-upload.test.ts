import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/staff.js';
import { checkImageUpload } from './image-upload.js';
import { imageSize, sanitizeFileName, sniffImage } from '../../../platform/image-type.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const upload = (data: Buffer) =>
  checkImageUpload({ filename: 'a.png', mimetype: 'image/png', data }, 1_000_000);

/** A RIFF/WEBP header with the given first chunk (size fields are not checked by the reader). */
const webp = (chunk: string, body: number[]) =>
  Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.alloc(4),
    Buffer.from('WEBP'),
    Buffer.from(chunk, 'latin1'),
    Buffer.alloc(4),
    Buffer.from(body),
  ]);

describe('checkImageUpload: an image is only what has readable, sensible dimensions', () => {
  it('refuses a PNG signature alone, or followed by junk instead of IHDR', () => {
    expect(upload(PNG_SIGNATURE)).toEqual({ kind: 'invalid', code: 'not_image' });
    expect(upload(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(40, 0x41)]))).toEqual({
      kind: 'invalid',
      code: 'not_image',
    });
  });

  it('refuses 0 × 0 and images wider or taller than 20 000 pixels', () => {
    expect(upload(tinyPng(0, 0))).toMatchObject({ kind: 'invalid' });
    const huge = tinyPng(1, 1);
    huge.writeUInt32BE(20_001, 16);
    expect(upload(huge)).toMatchObject({ kind: 'invalid', code: 'not_image' });
    expect(upload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0, 0, 0, 0, 0, 0]))).toMatchObject({
      kind: 'invalid',
    });
    expect(upload(Buffer.from('GIF89a'))).toMatchObject({ kind: 'invalid' });
  });

  it('accepts a real PNG with its size', () => {
    expect(upload(tinyPng(3, 2))).toMatchObject({ kind: 'image', image: { width: 3, height: 2 } });
  });
});

describe('imageSize for WebP', () => {
  it('reads lossy (VP8), lossless (VP8L) and extended (VP8X) headers, and nothing from a bare RIFF header', () => {
    const vp8 = webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]);
    expect(imageSize(vp8, sniffImage(vp8)!)).toEqual({ width: 640, height: 480 });
    // VP8L: 0x2f, then 14 bits width-1 and 14 bits height-1 (little-endian): 100 × 50.
    const bits = 99 | (49 << 14);
    const vp8l = webp('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, 0]);
    expect(imageSize(vp8l, sniffImage(vp8l)!)).toEqual({ width: 100, height: 50 });
    const vp8x = webp('VP8X', [0, 0, 0, 0, 0x7f, 0x07, 0, 0x37, 0x04, 0]);
    expect(imageSize(vp8x, sniffImage(vp8x)!)).toEqual({ width: 1920, height: 1080 });
    const bare = Buffer.from('RIFF\0\0\0\0WEBP');
    expect(imageSize(bare, sniffImage(bare)!)).toBeUndefined();
  });
});

describe('sanitizeFileName', () => {
  it('strips bidi overrides, zero-width and other format characters, keeping diacritics', () => {
    expect(sanitizeFileName('ảnh\u202Egpj.exe')).toBe('ảnhgpj.exe');
    expect(sanitizeFileName('\u200Bbáo\u200D cáo\u2066.png\uFEFF')).toBe('báo cáo.png');
    expect(sanitizeFileName('../../Trụ sở UBND.jpg')).toBe('Trụ sở UBND.jpg');
    expect(sanitizeFileName('\u202E\u200B')).toBe('tep');
  });
});
