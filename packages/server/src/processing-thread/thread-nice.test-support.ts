import { readdirSync, readFileSync } from 'node:fs';

/** The nice value of one thread of this process, as the kernel reports it (field 19 of its stat line). */
export function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

/** Every thread of this process and its nice value. */
export function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const entry of readdirSync('/proc/self/task')) {
    try {
      nices.set(Number(entry), niceOf(Number(entry)));
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return nices;
}
