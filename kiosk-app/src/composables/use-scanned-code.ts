import { onBeforeUnmount, onMounted, type Ref } from 'vue';

/** A barcode or QR scanner types a whole code faster than this between keys; a person does not. */
const SCANNER_GAP_MS = 80;
/** Shorter bursts are keys pressed by chance, not a dossier code. */
const MIN_CODE = 4;

/**
 * D20: a code scanned while no text box has the focus (the start screen): the scanner, a keyboard
 * to the kiosk, types the code's characters a few milliseconds apart and then Enter. `onScan` gets
 * the code when `listening` holds; slow typing and lone keys are ignored.
 */
export function useScannedCode(listening: Ref<boolean>, onScan: (code: string) => void): void {
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;
  const onKey = (e: KeyboardEvent): void => {
    if (!listening.value || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const quick = e.timeStamp - last <= SCANNER_GAP_MS;
    last = e.timeStamp;
    if (e.key === 'Enter') {
      const code = buffer.trim();
      buffer = '';
      if (quick && code.length >= MIN_CODE) {
        e.preventDefault();
        onScan(code);
      }
    } else if (e.key.length === 1) {
      buffer = quick ? buffer + e.key : e.key;
    }
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
