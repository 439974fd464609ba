import { crc32, deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGB raster with the few drawing primitives the demo illustrations need (painter's order, no alpha channel). */
export class Raster {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 3);
  }

  /** Blends `c` over the pixel with coverage `a` in [0, 1]. Out-of-range coordinates are ignored. */
  plot(x: number, y: number, c: Rgb, a = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || a <= 0) {
      return;
    }
    const i = (y * this.width + x) * 3;
    const d = this.data;
    if (a >= 1) {
      d[i] = c[0];
      d[i + 1] = c[1];
      d[i + 2] = c[2];
      return;
    }
    d[i] = Math.round((d[i] ?? 0) * (1 - a) + c[0] * a);
    d[i + 1] = Math.round((d[i + 1] ?? 0) * (1 - a) + c[1] * a);
    d[i + 2] = Math.round((d[i + 2] ?? 0) * (1 - a) + c[2] * a);
  }

  /** Rows y0..y1 (excluded) shaded from `top` to `bottom`. */
  verticalGradient(y0: number, y1: number, top: Rgb, bottom: Rgb): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y1); y++) {
      const c = mix(top, bottom, (y - y0) / Math.max(1, y1 - y0 - 1));
      for (let x = 0; x < this.width; x++) {
        this.plot(x, y, c);
      }
    }
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb, a = 1): void {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(this.height, Math.round(y1)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(this.width, Math.round(x1)); x++) {
        this.plot(x, y, c, a);
      }
    }
  }

  /** A filled ellipse with a one-pixel soft edge. */
  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, a = 1): void {
    const x0 = Math.floor(cx - rx - 1);
    const x1 = Math.ceil(cx + rx + 1);
    const y0 = Math.floor(cy - ry - 1);
    const y1 = Math.ceil(cy + ry + 1);
    const r = Math.min(rx, ry);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        const edge = (1 - Math.sqrt(dx * dx + dy * dy)) * r; // approximate distance to the edge, in pixels
        if (edge > -0.5) {
          this.plot(x, y, c, a * Math.min(1, edge + 0.5));
        }
      }
    }
  }

  circle(cx: number, cy: number, r: number, c: Rgb, a = 1): void {
    this.ellipse(cx, cy, r, r, c, a);
  }

  /** A filled polygon (even-odd rule, sampled at pixel centres). */
  polygon(points: readonly (readonly [number, number])[], c: Rgb, a = 1): void {
    const ys = points.map((p) => p[1]);
    const yMin = Math.max(0, Math.floor(Math.min(...ys)));
    const yMax = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let y = yMin; y <= yMax; y++) {
      const sy = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i] as [number, number]; // i is in range
        const [bx, by] = points[(i + 1) % points.length] as [number, number]; // in range by the modulo
        if (ay <= sy !== by <= sy) {
          xs.push(ax + ((sy - ay) / (by - ay)) * (bx - ax));
        }
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil((xs[k] as number) - 0.5));
        const to = Math.min(this.width - 1, Math.floor((xs[k + 1] as number) - 0.5));
        for (let x = from; x <= to; x++) {
          this.plot(x, y, c, a);
        }
      }
    }
  }

  /** Fills everything below the curve y = f(x) down to the bottom edge (hills, tree lines, water). */
  below(f: (x: number) => number, c: Rgb | ((x: number, y: number) => Rgb)): void {
    for (let x = 0; x < this.width; x++) {
      const top = Math.max(0, Math.round(f(x)));
      for (let y = top; y < this.height; y++) {
        this.plot(x, y, typeof c === 'function' ? c(x, y) : c);
      }
    }
  }

  /** A five-pointed star centred on (cx, cy) with outer radius r, one point up. */
  star(cx: number, cy: number, r: number, c: Rgb): void {
    const pts: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 === 0 ? r : r * 0.382;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
    this.polygon(pts, c);
  }
}

/** Linear interpolation between two colours, t in [0, 1]. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return [
    Math.round(a[0] + (b[0] - a[0]) * u),
    Math.round(a[1] + (b[1] - a[1]) * u),
    Math.round(a[2] + (b[2] - a[2]) * u),
  ];
}

/**
 * Encodes an RGB raster as a PNG (8-bit truecolour, no interlace). Each row takes the filter with the smallest sum
 * of absolute differences (the usual heuristic of libpng), which keeps smooth illustrations small.
 */
export function encodePng(raster: Raster): Buffer {
  const { width, height, data } = raster;
  const stride = width * 3;
  const out = Buffer.alloc((stride + 1) * height);
  const candidates = Array.from({ length: 5 }, () => Buffer.alloc(stride));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const buf = candidates[f] as Buffer; // five candidates allocated above
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const cur = data[row + i] ?? 0;
        const left = i >= 3 ? (data[row + i - 3] ?? 0) : 0;
        const up = y > 0 ? (data[row - stride + i] ?? 0) : 0;
        const upLeft = y > 0 && i >= 3 ? (data[row - stride + i - 3] ?? 0) : 0;
        const predicted =
          f === 0 ? 0 : f === 1 ? left : f === 2 ? up : f === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
        const v = (cur - predicted) & 0xff;
        buf[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    const offset = y * (stride + 1);
    out[offset] = best;
    (candidates[best] as Buffer).copy(out, offset + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(out, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
