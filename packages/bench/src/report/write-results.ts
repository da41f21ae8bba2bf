import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { BenchResults } from './results.js';

/**
 * Full runs write latest.{json,md} plus a timestamped copy to keep history; smoke runs write
 * smoke.{json,md} only, so proving the harness works never overwrites real figures. A run of
 * one stage writes query-latest.* / ingest-latest.* (query-smoke.* …) instead.
 */
export async function writeResults(dir: string, results: BenchResults): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const md = renderMarkdown(results);
  // A run of one stage (`--only`) gets its own names, so it never replaces a full run's figures.
  const prefix = results.stages.length === 1 ? `${results.stages[0]}-` : '';
  const names = results.mode === 'smoke' ? [`${prefix}smoke`] : [`${prefix}latest`, `${prefix}${results.startedAt.replace(/[:.]/g, '-')}`];
  const written: string[] = [];
  for (const name of names) {
    for (const [ext, text] of [
      ['json', json],
      ['md', md],
    ] as const) {
      const file = join(dir, `${name}.${ext}`);
      await writeFile(file, text);
      written.push(file);
    }
  }
  return written;
}
