import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** W17: how long each page of a list that does not fit stays on the wall. */
export const PAGE_MS = 8000;

export interface Page {
  /** 0-based. */
  index: number;
  pages: number;
  /** The items of this page: [from, to). */
  from: number;
  to: number;
}

/**
 * W17: which page of `count` items, `perPage` at a time, a wall shows at `now` (ms). Pages turn
 * every `pageMs` on the clock itself, so a wall needs no timer of its own, walls side by side turn
 * together, and a test moves the clock to turn them.
 *
 * @example
 * pageAt(9, 4, 17_000) // { index: 2, pages: 3, from: 8, to: 9 }
 */
export function pageAt(count: number, perPage: number, now: number, pageMs = PAGE_MS): Page {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(count / size));
  const index = Math.floor(Math.max(0, now) / pageMs) % pages;
  return { index, pages, from: index * size, to: Math.min(count, (index + 1) * size) };
}

/**
 * How many rows of `el` (each as tall as its first `rowSelector`, or `fallbackPx` before one is
 * drawn) fit in its height, kept current as it resizes. At least one.
 */
export function useRowsThatFit(el: Ref<HTMLElement | null>, rowSelector: string, fallbackPx: number) {
  const rows = ref(1);
  let observer: ResizeObserver | undefined;
  const measure = (): void => {
    const box = el.value;
    if (!box) return;
    const row = box.querySelector<HTMLElement>(rowSelector);
    const rowPx = row?.getBoundingClientRect().height || fallbackPx;
    rows.value = Math.max(1, Math.floor((box.clientHeight + 0.5) / rowPx));
  };
  onMounted(() => {
    observer = new ResizeObserver(measure);
    if (el.value) observer.observe(el.value);
    measure();
  });
  onBeforeUnmount(() => observer?.disconnect());
  return rows;
}
