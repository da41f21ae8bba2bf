import { readFile } from 'node:fs/promises';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every mainstream Linux ABI.
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; null when it is gone or not on Linux. */
export async function readCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
