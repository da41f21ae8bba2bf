/**
 * The verdict of `faultline release-health check`: pure, so every rule of the
 * gate is tested without a server. Exit codes are the command's contract with
 * CI pipelines (docs/releases.md "Gate a deploy on release health").
 */

/** 0 healthy, 1 below a threshold, 2 not enough data to judge. */
export const GATE_PASS = 0;
export const GATE_FAIL = 1;
export const GATE_CANNOT_JUDGE = 2;
/** The command line was wrong (unknown flag, bad value, missing org). */
export const GATE_USAGE = 3;
/** The server could not be reached or refused the request (bad token, unknown release). */
export const GATE_SERVER_ERROR = 4;

/** What the server reported for the release over the judged window. */
export interface ReleaseHealthMeasures {
  sessions: number;
  users: number;
  /** percentages 0..100, null where there is nothing to divide by */
  crashFreeSessions: number | null;
  crashFreeUsers: number | null;
  /** null when not asked for; 'unsupported' when the server does not count unhandled sessions */
  unhandledFreeUsers: number | null | 'unsupported';
}

export interface HealthThresholds {
  minSessions: number;
  minCrashFreeSessions?: number;
  minCrashFreeUsers?: number;
  minUnhandledFreeUsers?: number;
}

export interface GateVerdict {
  code: typeof GATE_PASS | typeof GATE_FAIL | typeof GATE_CANNOT_JUDGE;
  /** one line per judged number, then why the gate did not pass */
  lines: string[];
}

export function formatPercent(value: number): string {
  // Three decimals at most, so 96.999 is not printed as "97% is below 97%".
  return `${Number(value.toFixed(3))}%`;
}

export function judgeReleaseHealth(m: ReleaseHealthMeasures, t: HealthThresholds): GateVerdict {
  const lines = [`sessions: ${m.sessions}, users: ${m.users}`];
  // A quiet deploy is not a healthy one: too few sessions and the rates say nothing.
  if (m.sessions < t.minSessions)
    return {
      code: GATE_CANNOT_JUDGE,
      lines: [...lines, `cannot judge: ${m.sessions} session(s) since the deploy, at least ${t.minSessions} needed (--min-sessions)`],
    };
  const wantsUsers = t.minCrashFreeUsers !== undefined || t.minUnhandledFreeUsers !== undefined;
  if (wantsUsers && m.users === 0)
    return {
      code: GATE_CANNOT_JUDGE,
      lines: [...lines, 'cannot judge users: no session carried a user id (set the user in the SDK, or gate on --min-crash-free-sessions)'],
    };
  if (t.minUnhandledFreeUsers !== undefined && m.unhandledFreeUsers === 'unsupported')
    return {
      code: GATE_CANNOT_JUDGE,
      lines: [...lines, 'cannot judge unhandled-free users: the server does not report unhandled sessions'],
    };
  const checks: Array<[string, number | null | 'unsupported', number | undefined]> = [
    ['crash-free sessions', m.crashFreeSessions, t.minCrashFreeSessions],
    ['crash-free users', m.crashFreeUsers, t.minCrashFreeUsers],
    ['unhandled-free users', m.unhandledFreeUsers, t.minUnhandledFreeUsers],
  ];
  const failures: string[] = [];
  for (const [name, value, min] of checks) {
    if (min === undefined) continue;
    if (typeof value !== 'number') return { code: GATE_CANNOT_JUDGE, lines: [...lines, `cannot judge: the server reported no ${name} rate`] };
    const ok = value >= min;
    lines.push(`${name}: ${formatPercent(value)} (minimum ${formatPercent(min)}) ${ok ? 'ok' : 'BELOW'}`);
    if (!ok) failures.push(`${name} ${formatPercent(value)} is below ${formatPercent(min)}`);
  }
  if (failures.length > 0) return { code: GATE_FAIL, lines: [...lines, `unhealthy: ${failures.join('; ')}`] };
  return { code: GATE_PASS, lines: [...lines, 'healthy'] };
}
