import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export type PriorityOutcome = { readonly applied: true; readonly tid: number } | { readonly applied: false; readonly reason: string };

/**
 * Lowers the scheduling priority of the calling thread only. On Linux, `setpriority` with
 * a thread id changes that one thread (it is how `nice` works per task), and
 * `/proc/thread-self` names the calling thread's id — which Node offers no other way to
 * read. Elsewhere there is no per-thread nice, so the process keeps its priority.
 */
export function lowerThisThreadPriority(nice: number): PriorityOutcome {
  if (nice === 0) return { applied: false, reason: 'nice 0 asked' };
  let tid: number;
  try {
    // "<pid>/task/<tid>"
    tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  } catch {
    return { applied: false, reason: 'no /proc/thread-self (not Linux)' };
  }
  if (!Number.isInteger(tid) || tid <= 0) return { applied: false, reason: 'unreadable thread id' };
  try {
    setPriority(tid, nice);
  } catch (err) {
    return { applied: false, reason: err instanceof Error ? err.message : String(err) };
  }
  return { applied: true, tid };
}
