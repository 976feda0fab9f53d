import { vi, type Messages } from './vi';

/**
 * Vietnamese number format (F1): "." between thousands, "," before decimals.
 * @example formatNumberVi(14607) // "14.607"
 */
export function formatNumberVi(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A fraction as a Vietnamese percentage.
 * @example formatPercentVi(0.847) // "84,7%"
 */
export function formatPercentVi(fraction: number, decimals = 1): string {
  return `${formatNumberVi(fraction * 100, decimals)}%`;
}

/**
 * How long to wait after RATE_LIMITED or OFFICER_LOCKED, as the refusal's `detail` (L3): whole
 * seconds under a minute, else minutes and the seconds left over.
 * @example retryAfterText(90) // "Vui lòng thử lại sau 1 phút 30 giây."
 */
export function retryAfterText(seconds: number, messages: Pick<Messages, 'wait'> = vi): string {
  const s = Math.max(1, Math.ceil(seconds));
  const fill = (text: string, values: Record<string, number | string>): string =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const w = messages.wait;
  const time =
    s < 60
      ? fill(w.seconds, { n: s })
      : s % 60 === 0
        ? fill(w.minutes, { n: s / 60 })
        : fill(w.minutesSeconds, { m: Math.floor(s / 60), s: s % 60 });
  return fill(w.retryAfter, { time });
}
