import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * K10: the height from an element's top to the bottom of the screen, in px, kept up to date, so
 * that a page's lists can share exactly what is left under the header (the start screen's column
 * only has a minimum height) and nothing ever scrolls.
 */
export function useFillHeight(el: Ref<HTMLElement | null>): Ref<number | null> {
  const height = ref<number | null>(null);
  const measure = (): void => {
    const top = el.value?.getBoundingClientRect().top;
    if (top !== undefined) height.value = Math.max(0, Math.floor(window.innerHeight - top - window.scrollY));
  };
  onMounted(() => {
    measure();
    window.addEventListener('resize', measure);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', measure));
  return height;
}
