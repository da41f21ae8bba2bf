// `npm run bench` — see docs/performance.md. Exit codes: 0 results written (a target that
// failed is part of the results and is listed on stderr), 1 the harness itself broke,
// 2 bad flags.
import { parseOptions, usage } from './options.js';
import { defaultResultsDir } from './paths.js';
import { renderMarkdown, writeResults } from './report/index.js';
import { runBench } from './run-bench.js';

const parsed = parseOptions(process.argv.slice(2), process.env, defaultResultsDir);
if (parsed.ok === 'help') {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (parsed.ok === false) {
  process.stderr.write(`bench: ${parsed.reason}\n${usage}\n`);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
try {
  const results = await runBench(parsed.options, { log });
  const files = await writeResults(parsed.options.resultsDir, results);
  process.stdout.write(renderMarkdown(results));
  log(`results written: ${files.join(', ')}`);
  for (const t of results.targets) for (const p of t.problems) log(`${t.name}: ${p}`);
} catch (err) {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
}
