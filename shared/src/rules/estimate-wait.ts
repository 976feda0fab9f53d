/**
 * Q6: estimated wait = people ahead ÷ counters open for the service × recent median
 * service time. Whole minutes, rounded up; null when no counter is open for the service.
 */
export function estimateWaitMinutes(ahead: number, openCounters: number, medianServiceSeconds: number): number | null {
  if (openCounters <= 0) return null;
  return Math.ceil(((ahead / openCounters) * medianServiceSeconds) / 60);
}
