import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumberVi, type NumberDialect } from '../src/rules/read-number-vi';

const north = (n: number): string => readNumberVi(n);
const south = (n: number): string => readNumberVi(n, { dialect: 'south' });

/**
 * An independent reader of the words back into a number. It accepts only the grammar of
 * V1–V7, so a round trip checks the wording as well as the value.
 */
function parseVi(text: string, dialect: NumberDialect): number {
  const d = dialect === 'north' ? { k: 'nghìn', zero: 'linh', four: 'tư' } : { k: 'ngàn', zero: 'lẻ', four: 'bốn' };
  const DIG = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  const words = text.split(' ');
  if (text === 'không') return 0;
  const digit = (w: string | undefined, from = 0): number => {
    const i = DIG.indexOf(w ?? '');
    if (i < from) throw new Error(`expected a digit ≥ ${from}, got "${w}" in "${text}"`);
    return i;
  };
  const group = (ws: string[], full: boolean): number => {
    let i = 0;
    let value = 0;
    const hasHundreds = ws[1] === 'trăm';
    if (full && !hasHundreds) throw new Error(`"không trăm" missing in "${text}"`);
    if (hasHundreds) {
      value = 100 * digit(ws[0], full ? 0 : 1);
      i = 2;
    }
    const rest = ws.slice(i);
    if (rest.length === 0) return value;
    if (rest[0] === d.zero) {
      if (!hasHundreds || rest.length !== 2) throw new Error(`misplaced ${d.zero} in "${text}"`);
      return value + digit(rest[1], 1);
    }
    if (rest[0] === 'mười') {
      const unitsAfterTen: Record<string, number> = {
        một: 1,
        hai: 2,
        ba: 3,
        bốn: 4,
        lăm: 5,
        sáu: 6,
        bảy: 7,
        tám: 8,
        chín: 9,
      };
      if (rest.length === 1) return value + 10;
      const u = unitsAfterTen[rest[1] ?? ''];
      if (u === undefined || rest.length !== 2) throw new Error(`bad unit after mười in "${text}"`);
      return value + 10 + u;
    }
    if (rest[1] === 'mươi') {
      const unitsAfterTens: Record<string, number> = {
        mốt: 1,
        hai: 2,
        ba: 3,
        [d.four]: 4,
        lăm: 5,
        sáu: 6,
        bảy: 7,
        tám: 8,
        chín: 9,
      };
      const t = digit(rest[0], 2);
      if (rest.length === 2) return value + 10 * t;
      const u = unitsAfterTens[rest[2] ?? ''];
      if (u === undefined || rest.length !== 3) throw new Error(`bad unit after mươi in "${text}"`);
      return value + 10 * t + u;
    }
    if (hasHundreds || rest.length !== 1) throw new Error(`unexpected words in "${text}"`);
    return value + digit(rest[0], 1);
  };
  const k = words.indexOf(d.k);
  if (k < 0) return group(words, false);
  const high = group(words.slice(0, k), false);
  if (high === 0) throw new Error(`empty thousands in "${text}"`);
  return high * 1000 + (k === words.length - 1 ? 0 : group(words.slice(k + 1), true));
}

describe('readNumberVi (V1–V7)', () => {
  it('V1: zero is "không"; units stand alone', () => {
    expect(north(0)).toBe('không');
    expect([1, 4, 5, 9].map(north)).toEqual(['một', 'bốn', 'năm', 'chín']);
  });

  it('V2: 10 is mười, tens ≥ 20 take mươi; after mười 1 is một, 4 bốn, 5 lăm', () => {
    expect([10, 11, 14, 15, 19].map(north)).toEqual(['mười', 'mười một', 'mười bốn', 'mười lăm', 'mười chín']);
    expect([20, 90].map(north)).toEqual(['hai mươi', 'chín mươi']);
  });

  it('V3: after mươi 1 is mốt, 4 tư (northern), 5 lăm', () => {
    expect([21, 24, 25, 99].map(north)).toEqual(['hai mươi mốt', 'hai mươi tư', 'hai mươi lăm', 'chín mươi chín']);
  });

  it('V4: southern usage says bốn after mươi, mười bốn unchanged', () => {
    expect([24, 14, 34].map(south)).toEqual(['hai mươi bốn', 'mười bốn', 'ba mươi bốn']);
  });

  it('V5: a zero tens digit before a unit below a hundred or thousand is linh (lẻ in the south)', () => {
    expect([101, 105, 904].map(north)).toEqual(['một trăm linh một', 'một trăm linh năm', 'chín trăm linh bốn']);
    expect([101, 105].map(south)).toEqual(['một trăm lẻ một', 'một trăm lẻ năm']);
    expect(north(100)).toBe('một trăm');
    expect(north(110)).toBe('một trăm mười');
  });

  it('V6: a zero hundreds digit after thousands is không trăm when anything follows', () => {
    expect(north(1005)).toBe('một nghìn không trăm linh năm');
    expect(north(1010)).toBe('một nghìn không trăm mười');
    expect(north(1021)).toBe('một nghìn không trăm hai mươi mốt');
    expect(north(1100)).toBe('một nghìn một trăm');
    expect(north(1000)).toBe('một nghìn');
    expect(north(4001)).toBe('bốn nghìn không trăm linh một');
    expect(north(9999)).toBe('chín nghìn chín trăm chín mươi chín');
  });

  it('V7: nghìn by default, ngàn in the south', () => {
    expect(south(1005)).toBe('một ngàn không trăm lẻ năm');
    expect(south(2000)).toBe('hai ngàn');
  });

  it('V7: numbers of 10,000-blocks read their thousands as a number', () => {
    expect(north(40001)).toBe('bốn mươi nghìn không trăm linh một');
    expect(north(21015)).toBe('hai mươi mốt nghìn không trăm mười lăm');
    expect(north(105000)).toBe('một trăm linh năm nghìn');
    expect(north(999999)).toBe('chín trăm chín mươi chín nghìn chín trăm chín mươi chín');
  });

  it('V1: anything but a whole number in 0–999,999 is a RangeError', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 1_000_000]) expect(() => north(bad)).toThrow(RangeError);
  });

  it('V1–V7: every number 0–9999 reads back to itself in both dialects, with no forbidden pair', () => {
    const forbidden = /mươi một|mươi năm|mười năm|mười mốt|mười tư|^linh|^lẻ/;
    for (const dialect of ['north', 'south'] as const) {
      const seen = new Set<string>();
      for (let n = 0; n <= 9999; n++) {
        const text = readNumberVi(n, { dialect });
        expect.soft(forbidden.test(text), `${n}: ${text}`).toBe(false);
        expect(parseVi(text, dialect), `${n}: ${text}`).toBe(n);
        seen.add(text);
      }
      expect(seen.size).toBe(10_000);
    }
  });

  it('V1–V7: any number up to 999,999 reads back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom<NumberDialect>('north', 'south'),
        (n, dialect) => {
          expect(parseVi(readNumberVi(n, { dialect }), dialect)).toBe(n);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
