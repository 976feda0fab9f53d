import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { formatDateTimeVi, vi, waitKey, type Messages } from '@luot/shared';
import { registerTicketFonts, ticketFont, type FontWeight } from './fonts';
import { PAPER_DOTS, type PaperWidth, type PrintableTicket } from './printable-ticket';
import { blankRaster, blit, qrRaster, rasterFromRgba, type QrErrorLevel, type Raster } from './raster';

/** `native`: the printer draws the QR from `GS ( k`; `raster`: for printers without it, we draw it. */
export type QrMode = 'native' | 'raster';
export type TicketLabels = Messages['printedTicket'];

export type TicketPart =
  { kind: 'raster'; raster: Raster } | { kind: 'qr'; data: string; moduleDots: number; level: QrErrorLevel };

/** Level M recovers 15 % of the symbol: enough for a faded or creased thermal ticket, still compact. */
const QR_LEVEL: QrErrorLevel = 'M';

/** A ticket ready for the encoder: full-width rasters with, in native mode, the QR between them. */
export interface TicketDocument {
  dots: number;
  parts: TicketPart[];
}

export interface RenderOptions {
  paper: PaperWidth;
  qr?: QrMode;
  labels?: TicketLabels;
}

interface Scale {
  margin: number;
  gap: number;
  centre: number;
  service: number;
  caption: number;
  numberMax: number;
  body: number;
  small: number;
  qrModule: number;
}

/** Sizes in dots. 80 mm has room for a number 29 mm tall; 58 mm keeps the same proportions. */
const SCALES: Record<PaperWidth, Scale> = {
  80: { margin: 12, gap: 14, centre: 26, service: 34, caption: 24, numberMax: 230, body: 26, small: 22, qrModule: 8 },
  58: { margin: 8, gap: 10, centre: 19, service: 25, caption: 18, numberMax: 165, body: 19, small: 16, qrModule: 6 },
};

// Probes for the tallest stacked marks and deepest descenders Vietnamese uses, so a line is
// always tall enough for "Ẫ" above and "ỵ" below and nothing is cut at the top or bottom.
const TALL_PROBE = 'ẪẴỖỮỸẤ';
const DEEP_PROBE = 'ỵỹgjpqy';

type Item =
  | { kind: 'text'; text: string; weight: FontWeight; px: number; inverted?: boolean }
  | { kind: 'number'; text: string; maxPx: number }
  | { kind: 'gap'; dots: number }
  | { kind: 'rule' };

interface Placed {
  item: Item;
  lines: string[];
  font: string;
  ascent: number;
  lineHeight: number;
  height: number;
}

/**
 * Greedy word wrap: each line as long as fits `maxWidth`; a single word wider than a line is
 * broken between letters, so nothing is ever clipped.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of Array.from(word)) {
      if (line && measure(line + ch) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const fill = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);

const count = (n: number): string => new Intl.NumberFormat('vi-VN').format(n);

function place(ctx: SKRSContext2D, item: Item, textWidth: number, pad: number): Placed {
  if (item.kind === 'gap') return { item, lines: [], font: '', ascent: 0, lineHeight: 0, height: item.dots };
  if (item.kind === 'rule') return { item, lines: [], font: '', ascent: 0, lineHeight: 0, height: 2 };
  if (item.kind === 'number') {
    // Fit the number to the paper, then size the line by its own ink: digits have no marks.
    ctx.font = ticketFont(800, item.maxPx);
    const px = Math.min(item.maxPx, Math.floor((item.maxPx * textWidth) / ctx.measureText(item.text).width));
    const font = ticketFont(800, px);
    ctx.font = font;
    const m = ctx.measureText(item.text);
    const ascent = Math.ceil(m.actualBoundingBoxAscent);
    const height = ascent + Math.ceil(m.actualBoundingBoxDescent);
    return { item, lines: [item.text], font, ascent, lineHeight: height, height };
  }
  const font = ticketFont(item.weight, item.px);
  ctx.font = font;
  const tall = ctx.measureText(TALL_PROBE);
  const deep = ctx.measureText(DEEP_PROBE);
  const ascent = Math.ceil(Math.max(tall.fontBoundingBoxAscent, tall.actualBoundingBoxAscent));
  const lineHeight = ascent + Math.ceil(Math.max(deep.fontBoundingBoxDescent, deep.actualBoundingBoxDescent));
  const inset = item.inverted ? pad * 2 : 0;
  const lines = wrapText(item.text, textWidth - inset, (s) => ctx.measureText(s).width);
  return { item, lines, font, ascent, lineHeight, height: lines.length * lineHeight + (item.inverted ? pad * 2 : 0) };
}

/** Lays the items out top to bottom on a strip `dots` wide and thresholds the drawing to 1 bit. */
function drawStrip(items: Item[], dots: number, scale: Scale): Raster {
  const measure = createCanvas(1, 1).getContext('2d');
  const textWidth = dots - 2 * scale.margin;
  const pad = Math.round(scale.gap / 2);
  const placed = items.map((item) => place(measure, item, textWidth, pad));
  const height = placed.reduce((h, p) => h + p.height, 0);
  const canvas = createCanvas(dots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, dots, height);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  let y = 0;
  for (const p of placed) {
    const inverted = p.item.kind === 'text' && p.item.inverted === true;
    ctx.fillStyle = '#000';
    if (p.item.kind === 'rule' || inverted) ctx.fillRect(scale.margin, y, textWidth, p.height);
    if (p.lines.length > 0) {
      ctx.font = p.font;
      ctx.fillStyle = inverted ? '#fff' : '#000';
      const top = y + (inverted ? pad : 0);
      p.lines.forEach((line, i) => ctx.fillText(line, dots / 2, top + i * p.lineHeight + p.ascent));
    }
    y += p.height;
  }
  return rasterFromRgba(ctx.getImageData(0, 0, dots, height).data, dots, height);
}

/**
 * Draws a ticket (PR1–PR4, PR6) as 1-bit rasters at the paper's dot width, in Be Vietnam Pro,
 * because most ESC/POS printers have no Vietnamese code page.
 * @example encodeTicket(renderTicket(ticket, { paper: 80 })) // bytes for the printer
 */
export function renderTicket(ticket: PrintableTicket, options: RenderOptions): TicketDocument {
  registerTicketFonts();
  const dots = PAPER_DOTS[options.paper];
  const s = SCALES[options.paper];
  const t = options.labels ?? vi.printedTicket;
  // Text from other systems may arrive decomposed (o + ̣ + ̂); precomposed letters are what the
  // font's Vietnamese subset maps, and fallback between subsets cannot position loose marks.
  const nfc = (text: string): string => text.normalize('NFC');
  // I4: "sắp đến lượt", never "khoảng 0 phút".
  const wait = fill(t[waitKey(ticket.estimatedWaitMinutes)], { n: count(ticket.estimatedWaitMinutes ?? 0) });
  const top: Item[] = [
    { kind: 'gap', dots: s.gap },
    { kind: 'text', text: nfc(ticket.centreName), weight: 700, px: s.centre },
    { kind: 'gap', dots: s.gap },
    { kind: 'rule' },
    { kind: 'gap', dots: s.gap },
    { kind: 'text', text: nfc(ticket.serviceName), weight: 800, px: s.service },
    { kind: 'gap', dots: s.gap },
    { kind: 'text', text: t.number, weight: 500, px: s.caption },
    { kind: 'gap', dots: s.gap },
    { kind: 'number', text: nfc(ticket.label), maxPx: s.numberMax },
    { kind: 'gap', dots: s.gap * 2 },
    ...(ticket.priorityName === null
      ? []
      : ([
          {
            kind: 'text',
            text: fill(t.priority, { name: nfc(ticket.priorityName) }),
            weight: 800,
            px: s.body,
            inverted: true,
          },
          { kind: 'gap', dots: s.gap },
        ] satisfies Item[])),
    { kind: 'text', text: fill(t.issuedAt, { dateTime: formatDateTimeVi(ticket.issuedAt) }), weight: 500, px: s.body },
    { kind: 'text', text: fill(t.ahead, { n: count(ticket.ahead) }), weight: 500, px: s.body },
    { kind: 'text', text: wait, weight: 500, px: s.body },
    { kind: 'gap', dots: s.gap * 2 },
  ];
  const bottom: Item[] = [
    { kind: 'gap', dots: s.gap },
    { kind: 'text', text: t.scanToFollow, weight: 700, px: s.small },
    ...(ticket.notice
      ? ([
          { kind: 'gap', dots: s.gap },
          { kind: 'rule' },
          { kind: 'gap', dots: s.gap },
          { kind: 'text', text: nfc(ticket.notice), weight: 500, px: s.small },
        ] satisfies Item[])
      : []),
  ];
  return {
    dots,
    parts: [
      { kind: 'raster', raster: drawStrip(top, dots, s) },
      options.qr === 'raster'
        ? { kind: 'raster', raster: centred(qrRaster(ticket.qrUrl, s.qrModule, QR_LEVEL), dots) }
        : { kind: 'qr', data: ticket.qrUrl, moduleDots: s.qrModule, level: QR_LEVEL },
      { kind: 'raster', raster: drawStrip(bottom, dots, s) },
    ],
  };
}

/** Pads a raster to the full paper width, centred: some printers ignore `ESC a` for raster images. */
function centred(r: Raster, dots: number): Raster {
  const out = blankRaster(dots, r.height);
  blit(out, r, Math.floor((dots - r.width) / 2), 0);
  return out;
}
