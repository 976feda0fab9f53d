import type { DisplayOrientation } from '@luot/shared';
import { computed, onBeforeUnmount, ref } from 'vue';

export type Layout = 'landscape' | 'portrait';

/**
 * W3: the layout is the display's configured orientation, or the window's shape when `auto`.
 * When the two differ — a TV hung on its side whose player still sends 1920×1080 — the wall is
 * turned a quarter clockwise to fill the screen (`rotated`).
 */
export function useOrientation(configured: () => DisplayOrientation) {
  const tall = ref(window.innerHeight > window.innerWidth);
  const onResize = (): void => {
    tall.value = window.innerHeight > window.innerWidth;
  };
  window.addEventListener('resize', onResize);
  onBeforeUnmount(() => window.removeEventListener('resize', onResize));

  const windowLayout = computed<Layout>(() => (tall.value ? 'portrait' : 'landscape'));
  const layout = computed<Layout>(() => {
    const c = configured();
    return c === 'auto' ? windowLayout.value : c;
  });
  const rotated = computed(() => layout.value !== windowLayout.value);
  return { layout, rotated };
}
