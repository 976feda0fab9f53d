import type { NumberFormat } from '../model/centre';

/**
 * Q14: service k issues k·blockSize + 1, k·blockSize + 2, … ; the last number of the block
 * is k·blockSize + blockSize − 1, so a block never reaches the next service's numbers.
 * Returns null when `seq` is past the block (the service refuses new tickets for the day).
 */
export function ticketNumber(block: number, seq: number, blockSize: number): number | null {
  if (!Number.isInteger(seq) || seq < 1 || seq >= blockSize) return null;
  return block * blockSize + seq;
}

/** The letter of block k in the letter-prefixed format: 1 → A, 2 → B … */
export function blockLetter(block: number): string {
  return String.fromCharCode(64 + block);
}

/**
 * How a number is shown and printed. Q14: "1001" by default; "A001" (A0001 for 10,000-blocks)
 * in the letter-prefixed format.
 */
export function ticketLabel(number: number, blockSize: number, format: NumberFormat): string {
  if (format === 'numeric') return String(number);
  const block = Math.floor(number / blockSize);
  const seq = number % blockSize;
  return blockLetter(block) + String(seq).padStart(String(blockSize - 1).length, '0');
}
