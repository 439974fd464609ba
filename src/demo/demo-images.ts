import { DemoRandom } from './demo-random.js';
import { encodePng, mix, Raster, type Rgb } from './demo-png.js';

export const DEMO_IMAGE_WIDTH = 640;
export const DEMO_IMAGE_HEIGHT = 400;

export type DemoImageKey =
  | 'canh-dong-lua'
  | 'hoang-hon-tren-song'
  | 'lang-que'
  | 'tru-so-ubnd'
  | 'truong-hoc'
  | 'dam-sen'
  | 'dem-hoi'
  | 'quay-mot-cua'
  | 'tram-y-te';

export type DemoImage = {
  key: DemoImageKey;
  fileName: string;
  /** What the picture shows, for screen readers. */
  alt: string;
  /** The caption shown under the picture; says it is an illustration. */
  caption: string;
  width: number;
  height: number;
  bytes: Buffer;
};

type Scene = { key: DemoImageKey; alt: string; caption: string; draw(r: Raster, rnd: DemoRandom): void };

const SKY_TOP: Rgb = [86, 150, 214];
const SKY_LOW: Rgb = [205, 228, 245];
const LEAF: Rgb = [46, 125, 50];
const DARK_LEAF: Rgb = [27, 94, 32];
const RED_ROOF: Rgb = [178, 58, 38];
const WHITE: Rgb = [250, 250, 246];
const FLAG_RED: Rgb = [218, 37, 29];
const FLAG_YELLOW: Rgb = [255, 205, 0];

const wave =
  (base: number, amp: number, freq: number, phase: number) =>
  (x: number): number =>
    base + amp * Math.sin(x * freq + phase) + (amp / 3) * Math.sin(x * freq * 2.7 + phase * 1.9);

function clouds(r: Raster, rnd: DemoRandom, count: number, yMax: number): void {
  for (let i = 0; i < count; i++) {
    const cx = rnd.int(40, r.width - 40);
    const cy = rnd.int(30, yMax);
    const w = rnd.int(30, 55);
    for (let k = 0; k < 4; k++) {
      r.ellipse(cx + (k - 1.5) * w * 0.6, cy - (k % 2) * 8, w * 0.55, w * 0.35, WHITE, 0.85);
    }
  }
}

function tree(r: Raster, x: number, ground: number, size: number): void {
  r.rect(x - size * 0.08, ground - size * 0.9, x + size * 0.08, ground, [93, 64, 55]);
  r.circle(x, ground - size, size * 0.5, DARK_LEAF);
  r.circle(x - size * 0.25, ground - size * 0.85, size * 0.35, LEAF);
  r.circle(x + size * 0.25, ground - size * 1.1, size * 0.3, [67, 160, 71]);
}

function house(r: Raster, x: number, ground: number, w: number, h: number, wall: Rgb, roof: Rgb): void {
  r.rect(x, ground - h, x + w, ground, wall);
  r.polygon(
    [
      [x - w * 0.12, ground - h],
      [x + w * 0.5, ground - h - h * 0.75],
      [x + w * 1.12, ground - h],
    ],
    roof,
  );
  r.rect(x + w * 0.4, ground - h * 0.6, x + w * 0.6, ground, [121, 85, 72]);
}

function flag(r: Raster, poleX: number, top: number, ground: number, w: number): void {
  r.rect(poleX - 2, top, poleX + 2, ground, [120, 120, 120]);
  const h = w * (2 / 3);
  r.rect(poleX + 2, top, poleX + 2 + w, top + h, FLAG_RED);
  r.star(poleX + 2 + w / 2, top + h / 2 + h * 0.03, h * 0.3, FLAG_YELLOW);
}

const SCENES: readonly Scene[] = [
  {
    key: 'canh-dong-lua',
    alt: 'Tranh minh họa cánh đồng lúa xanh trải dài tới rặng cây, trên nền trời xanh có mây trắng',
    caption: 'Cánh đồng lúa vào vụ (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 200, SKY_TOP, SKY_LOW);
      r.circle(520, 70, 34, [255, 236, 150]);
      clouds(r, rnd, 3, 110);
      r.below(wave(178, 6, 0.05, 1), DARK_LEAF);
      r.below(
        () => 200,
        (x, y) => {
          const depth = (y - 200) / 200;
          const stripe = Math.sin(((x - 320) / (y - 190)) * 18) > 0.2 ? 0.08 : 0;
          return mix([124, 179, 66], [56, 142, 60], depth * 0.8 + stripe);
        },
      );
    },
  },
  {
    key: 'hoang-hon-tren-song',
    alt: 'Tranh minh họa hoàng hôn trên dòng sông, mặt trời đỏ cam phản chiếu trên mặt nước',
    caption: 'Hoàng hôn trên sông quê (tranh minh họa, dữ liệu mẫu)',
    draw(r) {
      r.verticalGradient(0, 250, [255, 138, 101], [255, 224, 178]);
      r.circle(320, 240, 60, [255, 112, 67]);
      r.below(wave(236, 8, 0.02, 2), [121, 85, 72]);
      r.below(
        () => 250,
        (x, y) => {
          const shimmer = Math.abs(x - 320) < 90 - (y - 250) * 0.3 && Math.sin(y * 0.9) > 0.3;
          return shimmer ? [255, 171, 145] : mix([69, 90, 140], [26, 35, 76], (y - 250) / 150);
        },
      );
    },
  },
  {
    key: 'lang-que',
    alt: 'Tranh minh họa làng quê với những ngôi nhà mái ngói đỏ bên hàng cây xanh',
    caption: 'Một góc làng quê (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 260, SKY_TOP, SKY_LOW);
      clouds(r, rnd, 2, 90);
      r.below(wave(200, 18, 0.012, 0.5), [129, 199, 132]);
      r.below(wave(270, 6, 0.03, 2), [104, 159, 56]);
      for (let i = 0; i < 5; i++) {
        const x = 30 + i * 125 + rnd.int(-10, 10);
        house(r, x, 300 + (i % 2) * 10, 80, 55, [255, 243, 224], RED_ROOF);
      }
      for (let i = 0; i < 7; i++) {
        tree(r, 10 + i * 100 + rnd.int(0, 30), 360, rnd.int(40, 60));
      }
    },
  },
  {
    key: 'tru-so-ubnd',
    alt: 'Tranh minh họa trụ sở ủy ban nhân dân xã sơn màu vàng, trước sân có cột cờ đỏ sao vàng',
    caption: 'Trụ sở Ủy ban nhân dân xã (tranh minh họa, dữ liệu mẫu)',
    draw(r) {
      r.verticalGradient(0, 300, [100, 170, 230], [215, 235, 250]);
      r.rect(0, 300, 640, 400, [189, 189, 189]);
      r.rect(140, 150, 500, 300, [255, 213, 79]);
      r.rect(130, 140, 510, 156, [239, 108, 0]);
      for (let i = 0; i < 6; i++) {
        r.rect(160 + i * 57, 175, 195 + i * 57, 215, [144, 202, 249]);
        r.rect(160 + i * 57, 235, 195 + i * 57, 275, [144, 202, 249]);
      }
      r.rect(290, 240, 350, 300, [121, 85, 72]);
      flag(r, 560, 110, 305, 60);
      tree(r, 70, 310, 70);
    },
  },
  {
    key: 'truong-hoc',
    alt: 'Tranh minh họa ngôi trường hai tầng mái đỏ, sân trường rộng và hàng cây xanh',
    caption: 'Ngôi trường trên địa bàn xã (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 280, [129, 212, 250], [225, 245, 254]);
      clouds(r, rnd, 2, 80);
      r.rect(0, 280, 640, 400, [215, 204, 200]);
      r.rect(80, 140, 560, 280, [255, 241, 118]);
      r.polygon(
        [
          [60, 140],
          [320, 80],
          [580, 140],
        ],
        RED_ROOF,
      );
      r.rect(80, 205, 560, 212, [251, 192, 45]);
      for (let i = 0; i < 8; i++) {
        r.rect(100 + i * 58, 155, 135 + i * 58, 195, [79, 195, 247]);
        r.rect(100 + i * 58, 225, 135 + i * 58, 265, [79, 195, 247]);
      }
      for (let i = 0; i < 6; i++) {
        tree(r, 40 + i * 112, 330, 45);
      }
    },
  },
  {
    key: 'dam-sen',
    alt: 'Tranh minh họa đầm sen với lá sen xanh và những bông sen hồng',
    caption: 'Đầm sen mùa hạ (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 150, [144, 202, 249], [232, 245, 233]);
      r.below(wave(140, 5, 0.04, 0), DARK_LEAF);
      r.below(
        () => 155,
        (_x, y) => mix([128, 203, 196], [0, 105, 92], (y - 155) / 245),
      );
      for (let i = 0; i < 26; i++) {
        const y = rnd.int(170, 390);
        const s = 14 + (y - 150) * 0.12;
        r.ellipse(rnd.int(0, 640), y, s * 1.6, s * 0.7, i % 3 === 0 ? LEAF : [56, 142, 60]);
      }
      for (let i = 0; i < 9; i++) {
        const x = rnd.int(30, 610);
        const y = rnd.int(180, 360);
        r.rect(x - 1, y, x + 1, y + 30, [85, 139, 47]);
        r.ellipse(x, y, 11, 15, [244, 143, 177]);
        r.ellipse(x, y + 3, 6, 9, [252, 228, 236]);
      }
    },
  },
  {
    key: 'dem-hoi',
    alt: 'Tranh minh họa đêm hội làng với những dây đèn lồng đỏ trên nền trời đêm',
    caption: 'Đêm hội làng (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 400, [13, 27, 62], [49, 27, 146]);
      for (let i = 0; i < 40; i++) {
        r.circle(rnd.int(0, 640), rnd.int(0, 180), 1.2, [255, 255, 230]);
      }
      r.below(wave(330, 10, 0.02, 1), [26, 35, 56]);
      for (let row = 0; row < 3; row++) {
        const y0 = 90 + row * 70;
        for (let x = 0; x < 640; x++) {
          const t = (x - 40 - row * 20) / 560;
          r.plot(x, Math.round(y0 - 22 + Math.sin(t * Math.PI) * 20), [255, 224, 130]);
        }
        for (let i = 0; i < 9; i++) {
          const x = 40 + i * 70 + row * 20;
          const sag = Math.sin((i / 8) * Math.PI) * 20;
          r.circle(x, y0 + sag, 26, [255, 213, 79], 0.18);
          r.ellipse(x, y0 + sag, 15, 18, i % 2 === 0 ? [229, 57, 53] : [255, 143, 0]);
          r.rect(x - 6, y0 + sag - 20, x + 6, y0 + sag - 16, FLAG_YELLOW);
        }
      }
    },
  },
  {
    key: 'quay-mot-cua',
    alt: 'Tranh minh họa quầy tiếp nhận hồ sơ một cửa với màn hình máy tính và tập hồ sơ trên bàn',
    caption: 'Bộ phận tiếp nhận và trả kết quả (tranh minh họa, dữ liệu mẫu)',
    draw(r) {
      r.verticalGradient(0, 400, [227, 242, 253], [187, 222, 251]);
      r.rect(0, 80, 640, 120, [21, 101, 192]);
      r.rect(40, 260, 600, 400, [141, 110, 99]);
      r.rect(40, 250, 600, 266, [161, 136, 127]);
      r.rect(120, 130, 330, 245, [38, 50, 56]);
      r.rect(130, 140, 320, 235, [66, 165, 245]);
      for (let i = 0; i < 6; i++) {
        r.rect(145, 155 + i * 13, 145 + 140 - i * 12, 161 + i * 13, [227, 242, 253]);
      }
      r.rect(215, 245, 235, 252, [55, 71, 79]);
      for (let i = 0; i < 3; i++) {
        r.rect(390 + i * 8, 190 - i * 6, 540 + i * 8, 250 - i * 6, i === 2 ? WHITE : [224, 224, 224]);
      }
      for (let i = 0; i < 5; i++) {
        r.rect(410, 190 + i * 10, 520, 194 + i * 10, [158, 158, 158]);
      }
    },
  },
  {
    key: 'tram-y-te',
    alt: 'Tranh minh họa trạm y tế xã màu trắng có biểu tượng chữ thập xanh, bên cạnh là hàng cây',
    caption: 'Trạm y tế xã (tranh minh họa, dữ liệu mẫu)',
    draw(r, rnd) {
      r.verticalGradient(0, 300, [100, 181, 246], [227, 242, 253]);
      clouds(r, rnd, 2, 90);
      r.rect(0, 300, 640, 400, [165, 214, 167]);
      r.rect(170, 150, 470, 300, [245, 245, 245]);
      r.rect(160, 140, 480, 155, [0, 137, 123]);
      r.rect(300, 165, 340, 235, [0, 150, 136]);
      r.rect(285, 180, 355, 220, [0, 150, 136]);
      r.rect(295, 245, 345, 300, [176, 190, 197]);
      for (const x of [195, 395]) {
        r.rect(x, 175, x + 50, 215, [144, 202, 249]);
      }
      tree(r, 90, 320, 65);
      tree(r, 560, 320, 60);
    },
  },
];

let cache: readonly DemoImage[] | undefined;

/**
 * The demo illustrations, drawn and encoded once per process (a few tenths of a second) and then reused: every
 * demo unit stores its own copy of the same bytes.
 */
export function demoImages(): readonly DemoImage[] {
  cache ??= renderDemoImages();
  return cache;
}

/** Draws and encodes every illustration. Deterministic: the same bytes on every run. */
export function renderDemoImages(): DemoImage[] {
  return SCENES.map((scene) => {
    const raster = new Raster(DEMO_IMAGE_WIDTH, DEMO_IMAGE_HEIGHT);
    scene.draw(raster, new DemoRandom(scene.key));
    return {
      key: scene.key,
      fileName: `${scene.key}.png`,
      alt: scene.alt,
      caption: scene.caption,
      width: raster.width,
      height: raster.height,
      bytes: encodePng(raster),
    };
  });
}
