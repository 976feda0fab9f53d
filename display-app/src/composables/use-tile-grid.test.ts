import { describe, expect, it } from 'vitest';
import { bestGrid, TILE_ASPECT } from './use-tile-grid';

/** The ticket-number box each tile gets with a grid. */
function boxHeight(count: number, w: number, h: number, gap: number): number {
  const { columns, rows } = bestGrid(count, w, h, gap);
  return Math.min((w - gap * (columns - 1)) / columns / TILE_ASPECT, (h - gap * (rows - 1)) / rows);
}

describe('tile grid', () => {
  it('W2: every counter gets a cell: columns × rows hold them all, with no empty row', () => {
    for (const count of [1, 2, 5, 6, 7, 12, 24, 37, 60]) {
      for (const [w, h] of [
        [1400, 870],
        [1040, 1100],
      ] as const) {
        const { columns, rows } = bestGrid(count, w, h, 12);
        expect(columns * rows).toBeGreaterThanOrEqual(count);
        expect(columns * (rows - 1)).toBeLessThan(count);
      }
    }
  });

  it('W2: the chosen grid gives the largest tiles of all column counts', () => {
    for (const count of [6, 24]) {
      const chosen = boxHeight(count, 1400, 870, 12);
      for (let columns = 1; columns <= count; columns++) {
        const rows = Math.ceil(count / columns);
        const other = Math.min((1400 - 12 * (columns - 1)) / columns / TILE_ASPECT, (870 - 12 * (rows - 1)) / rows);
        expect(chosen).toBeGreaterThanOrEqual(other);
      }
    }
  });

  it('W2: 24 counters on a 1080p wall still get ticket-number boxes over 120 px tall', () => {
    expect(bestGrid(24, 1400, 870, 12)).toEqual({ columns: 4, rows: 6 });
    expect(boxHeight(24, 1400, 870, 12)).toBeGreaterThan(120);
    expect(bestGrid(24, 1040, 1100, 12)).toEqual({ columns: 3, rows: 8 });
    expect(boxHeight(24, 1040, 1100, 12)).toBeGreaterThan(120);
  });

  it('W2: no counters, or no room yet, still gives a usable grid', () => {
    expect(bestGrid(0, 1400, 870, 12)).toEqual({ columns: 1, rows: 1 });
    expect(bestGrid(6, 0, 0, 0).columns * bestGrid(6, 0, 0, 0).rows).toBeGreaterThanOrEqual(6);
  });
});
