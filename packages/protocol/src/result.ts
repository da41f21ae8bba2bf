/** The failure half of every typed result in this package: parsers never return null or throw. */
export interface Failure {
  readonly ok: false;
  /** Human-readable, safe to echo to clients in `{"detail": …}` (contains no payload bytes). */
  readonly reason: string;
}

export function fail(reason: string): Failure {
  return { ok: false, reason };
}
