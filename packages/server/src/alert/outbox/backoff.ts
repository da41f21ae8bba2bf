/**
 * Delay before the next attempt after `attempts` failed ones: doubling from `baseMs`,
 * capped at `maxMs` (30 s, 1 min, 2 min, … 1 h with the defaults).
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(maxMs, baseMs * 2 ** exp);
}
