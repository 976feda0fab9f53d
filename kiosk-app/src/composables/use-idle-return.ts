import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

/** K7: how long the kiosk waits without a touch before it starts over for the next citizen. */
export const IDLE_MS = 20_000;

/**
 * Calls `startOver` after `ms` without a touch or key press, as long as `away` says the kiosk is
 * not at its start; every touch anywhere restarts the count.
 */
export function useIdleReturn(away: Ref<boolean>, startOver: () => void, ms = IDLE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    if (away.value) timer = setTimeout(startOver, ms);
  };
  watch(away, arm, { immediate: true });
  onMounted(() => {
    window.addEventListener('pointerdown', arm, { capture: true });
    window.addEventListener('keydown', arm, { capture: true });
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    window.removeEventListener('pointerdown', arm, { capture: true });
    window.removeEventListener('keydown', arm, { capture: true });
  });
}
