import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export interface TileGrid {
  columns: number;
  rows: number;
}

/** A tile's width over its height when the ticket number and counter badge sit side by side. */
export const TILE_ASPECT = 2.4;

/**
 * W2: the columns × rows that give `count` tiles the largest ticket number in a `width × height`
 * area: each tile's usable size is the biggest TILE_ASPECT box that fits its cell, and the grid
 * with the biggest box wins (fewer columns on a tie, so numbers keep their width).
 *
 * @example
 * bestGrid(24, 1400, 870, 12) // { columns: 4, rows: 6 }
 */
export function bestGrid(count: number, width: number, height: number, gap: number): TileGrid {
  let best: TileGrid = { columns: 1, rows: Math.max(1, count) };
  let bestSize = -1;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const cellW = (width - gap * (columns - 1)) / columns;
    const cellH = (height - gap * (rows - 1)) / Math.max(1, rows);
    const size = Math.min(cellW / TILE_ASPECT, cellH);
    if (size > bestSize) {
      bestSize = size;
      best = { columns, rows: Math.max(1, rows) };
    }
  }
  return best;
}

/** The best grid for `count` tiles in the element `el`, kept current as the element resizes. */
export function useTileGrid(el: Ref<HTMLElement | null>, count: Ref<number>) {
  const size = ref({ width: 0, height: 0, gap: 0 });
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    observer = new ResizeObserver(() => {
      if (!el.value) return;
      const style = getComputedStyle(el.value);
      size.value = { width: el.value.clientWidth, height: el.value.clientHeight, gap: parseFloat(style.rowGap) || 0 };
    });
    if (el.value) observer.observe(el.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return computed(() => bestGrid(count.value, size.value.width, size.value.height, size.value.gap));
}
