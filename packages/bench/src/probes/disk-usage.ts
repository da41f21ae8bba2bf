import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes allocated on disk under `dir`, like `du -s -B1` (blocks, not apparent sizes). */
export async function diskUsageBytes(dir: string): Promise<number> {
  const st = await lstat(dir);
  if (!st.isDirectory()) return st.blocks * 512;
  let total = st.blocks * 512;
  for (const entry of await readdir(dir)) total += await diskUsageBytes(join(dir, entry));
  return total;
}
