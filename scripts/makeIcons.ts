/**
 * Draws the add-in's icons (16, 32, 64, 80 px) and logo (300 px) into assets/: a teal tile with
 * three rising bars and a gold trend line. Run with `npm run icons`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];
const TEAL: Rgba = [15, 108, 115, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [242, 183, 5, 255];

/** Shapes in a unit square; the first that contains a point paints it. */
const shapes: Array<{ colour: Rgba; inside: (x: number, y: number) => boolean }> = [
  { colour: GOLD, inside: (x, y) => distanceToSegment(x, y, 0.2, 0.52, 0.8, 0.18) < 0.045 },
  { colour: WHITE, inside: (x, y) => inRect(x, y, 0.2, 0.6, 0.34, 0.8) },
  { colour: WHITE, inside: (x, y) => inRect(x, y, 0.43, 0.47, 0.57, 0.8) },
  { colour: WHITE, inside: (x, y) => inRect(x, y, 0.66, 0.34, 0.8, 0.8) },
  { colour: TEAL, inside: (x, y) => inRoundedSquare(x, y, 0.18) },
];

function inRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function inRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Renders at `size` pixels with 4×4 samples a pixel, so small icons keep smooth edges. */
function render(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const shape = shapes.find((s) => s.inside(x, y));
          if (!shape) continue;
          const [r, g, b, a] = shape.colour;
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3]!;
      png.data[i] = alpha ? Math.round(sum[0]! / alpha) : 0;
      png.data[i + 1] = alpha ? Math.round(sum[1]! / alpha) : 0;
      png.data[i + 2] = alpha ? Math.round(sum[2]! / alpha) : 0;
      png.data[i + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

const assets = join(__dirname, '..', 'assets');
for (const size of [16, 32, 64, 80]) writeFileSync(join(assets, `icon-${size}.png`), render(size));
writeFileSync(join(assets, 'logo.png'), render(300));
