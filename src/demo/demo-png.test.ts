import { inflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDemoImages, DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH } from './demo-images.js';
import { encodePng, Raster } from './demo-png.js';
import { DemoRandom } from './demo-random.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A minimal PNG reader for 8-bit RGB images: checks every CRC and undoes the row filters. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array; chunks: string[] } {
  expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const chunks: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    chunks.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= 3 ? (pixels[y * stride + i - 3] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = y > 0 && i >= 3 ? (pixels[(y - 1) * stride + i - 3] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * stride + i] = (v + predicted) & 0xff;
    }
  }
  return { width, height, pixels, chunks };
}

describe('encodePng', () => {
  it('writes a PNG whose header carries the dimensions and whose pixels decode back exactly', () => {
    const raster = new Raster(37, 23);
    const rnd = new DemoRandom('png-test');
    // Noise, flat areas and gradients, so that every row filter gets chosen somewhere.
    for (let y = 0; y < raster.height; y++) {
      for (let x = 0; x < raster.width; x++) {
        const noisy = y % 3 === 0;
        raster.plot(x, y, noisy ? [rnd.int(0, 255), rnd.int(0, 255), rnd.int(0, 255)] : [x * 6, y * 10, 128]);
      }
    }
    const png = encodePng(raster);
    const decoded = decodePng(png);
    expect(decoded.width).toBe(37);
    expect(decoded.height).toBe(23);
    expect(decoded.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(raster.data))).toBe(true);
  });
});

describe('demo images', () => {
  const images = renderDemoImages();

  it('are distinct 640×400 PNGs with Vietnamese alt text and a caption that says they are illustrations', () => {
    expect(images.length).toBeGreaterThanOrEqual(6);
    expect(new Set(images.map((i) => i.bytes.toString('base64'))).size).toBe(images.length);
    for (const img of images) {
      const { width, height } = decodePng(img.bytes);
      expect([width, height]).toEqual([DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT]);
      expect([img.width, img.height]).toEqual([DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT]);
      expect(img.alt).toMatch(/^Tranh minh họa /);
      expect(img.caption).toContain('tranh minh họa');
      expect(img.bytes.length).toBeLessThan(100_000);
    }
  });

  it('are not blank: each uses many colours', () => {
    for (const img of images) {
      const { pixels } = decodePng(img.bytes);
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 3) {
        colours.add(((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0));
      }
      expect(colours.size, img.key).toBeGreaterThan(20);
    }
  });

  it('are the same bytes on every run', () => {
    const again = renderDemoImages();
    expect(again.map((i) => i.bytes.toString('base64'))).toEqual(
      images.map((i) => i.bytes.toString('base64')),
    );
  });
});
