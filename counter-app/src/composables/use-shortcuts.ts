import { onBeforeUnmount } from 'vue';

/**
 * Keyboard shortcuts: one key per action, and F1–F7 for USB caller keypads that send function
 * keys. Keys typed into a form field are left alone.
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  function onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handler = handlers[key];
    if (!handler) return;
    e.preventDefault();
    handler();
  }
  window.addEventListener('keydown', onKey);
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
