/** How many keys a limiter remembers at most (per limiter). */
export const DEFAULT_MAX_KEYS = 10_000;

/**
 * Stores `value` as the most recent key of `map` (a Map keeps insertion order, least recent first).
 * A key not yet there first makes room by dropping the least recent keys beyond `maxKeys`, so a
 * flood of new keys costs bounded memory.
 */
export function keepRecent<V>(map: Map<string, V>, key: string, value: V, maxKeys: number): void {
  if (!map.delete(key)) {
    while (map.size >= maxKeys) {
      const oldest = map.keys().next();
      if (oldest.done) break;
      map.delete(oldest.value);
    }
  }
  map.set(key, value);
}
