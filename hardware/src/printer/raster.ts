import QRCode from 'qrcode';

/**
 * A 1-bit image laid out the way `GS v 0` takes it: row-major, most significant bit first,
 * `rowBytes(width)` bytes per row, 1 = a black dot. Padding bits at the end of a row are 0.
 */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export const rowBytes = (width: number): number => Math.ceil(width / 8);

export function blankRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8Array(rowBytes(width) * height) };
}

export function dotAt(r: Raster, x: number, y: number): boolean {
  const byte = r.data[y * rowBytes(r.width) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

function setDot(r: Raster, x: number, y: number): void {
  const i = y * rowBytes(r.width) + (x >> 3);
  r.data[i] = (r.data[i] ?? 0) | (0x80 >> (x & 7));
}

/**
 * Thresholds RGBA pixels (alpha composited over white paper) into dots: a pixel darker than
 * `threshold` (0–255 luma) prints. Text is drawn black on white, so a plain threshold keeps
 * strokes sharp where dithering would fray them.
 */
export function rasterFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  threshold = 128,
): Raster {
  const r = blankRaster(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const a = (rgba[p + 3] ?? 0) / 255;
      const luma = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
      if (luma * a + 255 * (1 - a) < threshold) setDot(r, x, y);
    }
  }
  return r;
}

/** Black and white RGBA pixels of a raster, e.g. to encode it as a PNG. */
export function rasterToRgba(r: Raster): Uint8ClampedArray {
  const out = new Uint8ClampedArray(r.width * r.height * 4).fill(255);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (!dotAt(r, x, y)) continue;
      const p = (y * r.width + x) * 4;
      out[p] = out[p + 1] = out[p + 2] = 0;
    }
  }
  return out;
}

/** Rows [from, to) of a raster. Rows are whole bytes, so this is a plain slice. */
export function rasterRows(r: Raster, from: number, to: number): Raster {
  const bytes = rowBytes(r.width);
  return { width: r.width, height: to - from, data: r.data.slice(from * bytes, to * bytes) };
}

/** Copies `src` into `dest` with its top-left corner at (x, y); dots outside `dest` are dropped. */
export function blit(dest: Raster, src: Raster, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    const dy = y + sy;
    if (dy < 0 || dy >= dest.height) continue;
    for (let sx = 0; sx < src.width; sx++) {
      const dx = x + sx;
      if (dx >= 0 && dx < dest.width && dotAt(src, sx, sy)) setDot(dest, dx, dy);
    }
  }
}

/** Stacks rasters top to bottom on a strip `width` dots wide, each placed at its own x. */
export function stackRasters(width: number, items: readonly { raster: Raster; x: number }[]): Raster {
  const out = blankRaster(
    width,
    items.reduce((h, i) => h + i.raster.height, 0),
  );
  let y = 0;
  for (const item of items) {
    blit(out, item.raster, item.x, y);
    y += item.raster.height;
  }
  return out;
}

/**
 * The QR symbol of `data` (model 2), `moduleDots` dots per module, without quiet zone.
 * The same drawing serves the raster fallback and the virtual printer's rendering of `GS ( k`,
 * so both print what a phone will scan.
 */
export function qrRaster(data: string, moduleDots: number, level: QrErrorLevel): Raster {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: level });
  const r = blankRaster(modules.size * moduleDots, modules.size * moduleDots);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < moduleDots; dy++) {
        for (let dx = 0; dx < moduleDots; dx++) setDot(r, col * moduleDots + dx, row * moduleDots + dy);
      }
    }
  }
  return r;
}
