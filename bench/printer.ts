/**
 * Time to turn a ticket into printer bytes (render with Skia + threshold + ESC/POS encode) at
 * 80 and 58 mm, and the size of the job. The floor is the same pipeline on a blank canvas of the
 * same size: what thresholding and encoding cost without any text or QR to draw.
 */
import { createCanvas } from '@napi-rs/canvas';
import { encodeTicket, rasterFromRgba, rasterImage, renderTicket, sampleTicket, type PaperWidth } from '@luot/hardware';
import { median } from '@luot/shared';

const RUNS = 30;
const WARMUP = 3;
const BUDGET_MS = 20_000;

function timeRuns(work: () => void, deadline: number): number[] {
  for (let i = 0; i < WARMUP; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS && performance.now() < deadline; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 100) / 100);

export function run(): Record<string, unknown> {
  const ticket = sampleTicket(Date.UTC(2025, 2, 5, 1, 15));
  const deadline = performance.now() + BUDGET_MS;
  const result: Record<string, unknown> = {};
  for (const paper of [80, 58] as const satisfies PaperWidth[]) {
    process.stderr.write(`  printer: ${paper} mm…\n`);
    let bytes = 0;
    const ticketMs = timeRuns(() => {
      bytes = encodeTicket(renderTicket(ticket, { paper })).length;
    }, deadline);
    const doc = renderTicket(ticket, { paper });
    const height = doc.parts.reduce((h, p) => h + (p.kind === 'raster' ? p.raster.height : 0), 0);
    const floorMs = timeRuns(() => {
      const ctx = createCanvas(doc.dots, height).getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, doc.dots, height);
      rasterImage(rasterFromRgba(ctx.getImageData(0, 0, doc.dots, height).data, doc.dots, height));
    }, deadline);
    result[`${paper}mm`] = {
      renderEncodeMedianMs: round(median(ticketMs)),
      floorMedianMs: round(median(floorMs)),
      bytes,
      dots: doc.dots,
      rasterRows: height,
      runs: ticketMs.length,
    };
  }
  return result;
}
