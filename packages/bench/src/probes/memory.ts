import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  readonly rssBytes: number;
  /** VmHWM: the kernel's high-water mark of resident memory, so short peaks between samples count. */
  readonly peakRssBytes: number;
}

/** Reads /proc/<pid>/status (Linux). Null when the process is gone or /proc is unavailable. */
export async function readProcessMemory(pid: number): Promise<ProcessMemory | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number | null => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m?.[1] === undefined ? null : Number(m[1]) * 1024;
    };
    const rss = kb('VmRSS');
    if (rss === null) return null;
    return { rssBytes: rss, peakRssBytes: kb('VmHWM') ?? rss };
  } catch {
    return null;
  }
}
