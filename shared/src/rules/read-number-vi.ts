/** Northern usage is the default; southern is a per-centre option (V4, V5, V7). */
export type NumberDialect = 'north' | 'south';

export interface ReadNumberOptions {
  dialect?: NumberDialect;
}

/** The largest number read: ticket numbers reach k·10,000 + 9,999 with 10,000-blocks (Q14). */
export const READ_NUMBER_MAX = 999_999;

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

interface Words {
  thousand: string;
  /** Before a lone unit after a zero tens digit (101, 1005). */
  zeroTens: string;
  /** 4 after mươi (V4). */
  fourAfterTens: string;
}

const WORDS: Record<NumberDialect, Words> = {
  north: { thousand: 'nghìn', zeroTens: 'linh', fourAfterTens: 'tư' },
  south: { thousand: 'ngàn', zeroTens: 'lẻ', fourAfterTens: 'bốn' },
};

const digit = (d: number): string => DIGITS[d] ?? '';

/**
 * Reads a group of three digits. `full` is set when a higher group precedes it: then the
 * hundreds are always read ("không trăm", V6) and a lone unit takes linh/lẻ (V5).
 */
function readGroup(n: number, full: boolean, w: Words): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  const withHundreds = h > 0 || full;
  if (withHundreds) out.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0 && withHundreds) out.push(w.zeroTens, digit(u));
    else if (u > 0) out.push(digit(u));
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  } else {
    out.push(digit(t), 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push(w.fourAfterTens);
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(digit(u));
  }
  return out;
}

/**
 * Reads a whole number 0–999,999 in Vietnamese words, per SPEC V1–V7.
 * Throws RangeError for anything else.
 *
 * @example
 * readNumberVi(1005) // 'một nghìn không trăm linh năm'
 * readNumberVi(1005, { dialect: 'south' }) // 'một ngàn không trăm lẻ năm'
 */
export function readNumberVi(n: number, options: ReadNumberOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > READ_NUMBER_MAX) {
    throw new RangeError(`readNumberVi: ${n} is not a whole number in 0–${READ_NUMBER_MAX}`);
  }
  if (n === 0) return digit(0);
  const w = WORDS[options.dialect ?? 'north'];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const out: string[] = [];
  if (thousands > 0) out.push(...readGroup(thousands, false, w), w.thousand);
  if (rest > 0) out.push(...readGroup(rest, thousands > 0, w));
  return out.join(' ');
}
