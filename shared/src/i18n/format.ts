/**
 * Vietnamese number format (DOMAIN §9): "." between thousands, "," before decimals.
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
