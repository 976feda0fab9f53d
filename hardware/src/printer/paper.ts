import { createCanvas, ImageData } from '@napi-rs/canvas';
import { blankRaster, qrRaster, rasterToRgba, stackRasters, type QrErrorLevel, type Raster } from './raster';

export type Align = 'left' | 'center' | 'right';

/** What a printer puts on paper between two cuts, in order. */
export type PaperElement =
  | { kind: 'raster'; raster: Raster; align: Align }
  | { kind: 'qr'; data: string; moduleDots: number; level: QrErrorLevel; model: number; align: Align }
  | { kind: 'feed'; lines: number };

/** Default line spacing of ESC/POS printers: 1/6 inch, about 34 dots at 203 dpi. */
export const LINE_DOTS = 34;

function offset(align: Align, width: number, dots: number): number {
  if (align === 'center') return Math.floor((dots - width) / 2);
  return align === 'right' ? dots - width : 0;
}

/**
 * The strip of paper these elements make on a printer `dots` wide. Anything wider than the paper
 * is cut off at the right edge, as a real print head would.
 */
export function composePaper(elements: readonly PaperElement[], dots: number): Raster {
  return stackRasters(
    dots,
    elements.map((e) => {
      if (e.kind === 'feed') return { raster: blankRaster(dots, e.lines * LINE_DOTS), x: 0 };
      const raster = e.kind === 'qr' ? qrRaster(e.data, e.moduleDots, e.level) : e.raster;
      return { raster, x: offset(e.align, raster.width, dots) };
    }),
  );
}

/** A PNG of printed paper (at least one row): black dots on white, one pixel per dot. */
export function paperPng(paper: Raster): Buffer {
  const canvas = createCanvas(paper.width, paper.height);
  canvas.getContext('2d').putImageData(new ImageData(rasterToRgba(paper), paper.width, paper.height), 0, 0);
  return canvas.toBuffer('image/png');
}
