import { createRequire } from 'node:module';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { vi } from '@luot/shared';
import {
  dotAt,
  PAPER_DOTS,
  renderTicket,
  sampleTicket,
  wrapText,
  type PaperWidth,
  type Raster,
  type TicketLabels,
} from '../src/index';

const ISSUED = Date.UTC(2025, 2, 5, 1, 15);
const rasters = (paper: PaperWidth, ticket = sampleTicket(ISSUED), labels?: TicketLabels): Raster[] =>
  renderTicket(ticket, { paper, labels }).parts.flatMap((p) => (p.kind === 'raster' ? [p.raster] : []));

const inkInRow = (r: Raster, y: number, from = 0, to = r.width): number => {
  let n = 0;
  for (let x = from; x < to; x++) if (dotAt(r, x, y)) n++;
  return n;
};

/** Heights of the bands of consecutive rows that carry ink: one per line of text, rule or bar. */
function inkBands(r: Raster): number[] {
  const bands: number[] = [];
  let run = 0;
  for (let y = 0; y < r.height; y++) {
    if (inkInRow(r, y) > 0) {
      run++;
    } else if (run > 0) {
      bands.push(run);
      run = 0;
    }
  }
  if (run > 0) bands.push(run);
  return bands;
}

describe('wrapText', () => {
  const byChars = (s: string): number => s.length;

  it('PR2: wraps at spaces and keeps every word, in order', () => {
    expect(wrapText('Lao động – Thương binh và Xã hội', 12, byChars)).toEqual([
      'Lao động –',
      'Thương binh',
      'và Xã hội',
    ]);
  });

  it('PR2: no line is wider than the paper, and nothing is lost, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w)),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 40 }),
        (words, max) => {
          const lines = wrapText(words.join(' '), max, byChars);
          expect(lines.every((l) => l.length <= max)).toBe(true);
          expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
        },
      ),
    );
  });
});

describe('ticket layout', () => {
  it.each([80, 58] as const)('PR1: %i mm tickets are rasters exactly as wide as the printable dots', (paper) => {
    for (const r of rasters(paper)) expect(r.width).toBe(PAPER_DOTS[paper]);
  });

  it.each([80, 58] as const)(
    'PR2: at %i mm the long service name wraps inside the margins; no ink touches the edges',
    (paper) => {
      for (const r of rasters(paper)) {
        for (let y = 0; y < r.height; y++) {
          expect(inkInRow(r, y, 0, 8) + inkInRow(r, y, r.width - 8, r.width)).toBe(0);
        }
      }
    },
  );

  it.each([
    [80, 160],
    [58, 110],
  ] as const)(
    'PR3: at %i mm the number is the tallest thing on the ticket, at least %i dots high',
    (paper, minDots) => {
      const [top] = rasters(paper);
      const bands = inkBands(top!);
      const tallest = Math.max(...bands);
      expect(tallest).toBeGreaterThanOrEqual(minDots);
      expect(bands.filter((b) => b >= tallest / 2)).toHaveLength(1);
    },
  );

  it('PR3: a five-digit number still fits the paper', () => {
    const [top] = rasters(58, { ...sampleTicket(ISSUED), label: '10001' });
    for (let y = 0; y < top!.height; y++)
      expect(inkInRow(top!, y, 0, 8) + inkInRow(top!, y, top!.width - 8, top!.width)).toBe(0);
  });

  it('PR4: a priority ticket carries a solid black bar; an ordinary one does not', () => {
    const solidRows = (r: Raster): number => {
      let n = 0;
      for (let y = 0; y < r.height; y++) if (inkInRow(r, y) > r.width * 0.9) n++;
      return n;
    };
    const [priority] = rasters(80);
    const [ordinary] = rasters(80, { ...sampleTicket(ISSUED), priorityName: null });
    expect(solidRows(priority!)).toBeGreaterThan(10);
    expect(solidRows(ordinary!)).toBeLessThan(4);
  });

  it('PR1: text that arrives decomposed prints exactly like precomposed text', () => {
    const nfc = sampleTicket(ISSUED);
    const nfd = { ...nfc, centreName: nfc.centreName.normalize('NFD'), serviceName: nfc.serviceName.normalize('NFD') };
    expect(rasters(58, nfd).map((r) => r.data)).toEqual(rasters(58, nfc).map((r) => r.data));
  });

  it('PR1: the issue time prints as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (17:30 UTC is 00:30 the next day)', () => {
    const ticket = sampleTicket(Date.UTC(2025, 2, 4, 17, 30));
    const spelled = (text: string) => rasters(58, ticket, { ...vi.printedTicket, issuedAt: text }).map((r) => r.data);
    const printed = rasters(58, ticket).map((r) => r.data);
    expect(printed).toEqual(spelled('Thời gian lấy số: 05/03/2025 00:30'));
    expect(printed).not.toEqual(spelled('Thời gian lấy số: 04/03/2025 17:30'));
  });

  it('PR6: in raster mode the QR is drawn into the ticket, module for module the symbol of the URL', () => {
    const ticket = sampleTicket(ISSUED);
    const doc = renderTicket(ticket, { paper: 80, qr: 'raster' });
    expect(doc.parts.every((p) => p.kind === 'raster')).toBe(true);
    const qr = doc.parts[1]!.kind === 'raster' ? doc.parts[1]!.raster : null;
    const { modules } = QRCode.create(ticket.qrUrl, { errorCorrectionLevel: 'M' });
    const module = 8;
    const left = Math.floor((qr!.width - modules.size * module) / 2);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        const centre = dotAt(qr!, left + col * module + module / 2, row * module + module / 2);
        expect(centre, `module ${row},${col}`).toBe(modules.get(row, col) === 1);
      }
    }
  });
});

describe('bundled font', () => {
  const ranges = Object.values(
    createRequire(import.meta.url)('@fontsource/be-vietnam-pro/unicode.json') as Record<string, string>,
  )
    .flatMap((list) => list.split(','))
    .map((r) =>
      r
        .replace('U+', '')
        .split('-')
        .map((h) => parseInt(h, 16)),
    )
    .map(([from, to]) => [from!, to ?? from!] as const);
  const covered = (ch: string): boolean =>
    ranges.some(([from, to]) => ch.codePointAt(0)! >= from && ch.codePointAt(0)! <= to);

  it('PR1: every Vietnamese letter, with every tone, and every ticket label is in the bundled subsets', () => {
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY'].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));
    const text = [
      ...letters,
      'đĐ',
      ...Object.values(vi.printedTicket),
      ...Object.values(sampleTicket(0)).map(String),
    ].join('');
    const missing = [...new Set(text)].filter((ch) => !covered(ch));
    expect(missing).toEqual([]);
  });
});
