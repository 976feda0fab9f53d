import { onBeforeUnmount, ref } from 'vue';

/** Whether the screen is wider than tall (K10: each page is laid out for both). */
export function useLandscape() {
  const query = window.matchMedia('(min-aspect-ratio: 1/1)');
  const landscape = ref(query.matches);
  const changed = (e: MediaQueryListEvent): void => void (landscape.value = e.matches);
  query.addEventListener('change', changed);
  onBeforeUnmount(() => query.removeEventListener('change', changed));
  return landscape;
}
