// `npm run bench:glob --workspace @faultline/bench` — the glob micro-benchmark (docs/performance.md
// "Glob matching"): hostile patterns against the server's matcher at the largest message size, and
// the backtracking RegExp the filters used before, at sizes it survives, for comparison.
import { compileGlob, type GlobOptions } from '@faultline/server/dist/kernel/index.js';

const INBOUND_FILTER: GlobOptions = { classes: true, caseFolding: 'regexp', reversedRange: 'literal' };
const PATH_RULE: GlobOptions = { path: true, classes: true, caseFolding: 'lower' };
const MESSAGE_MAX = 8192;

interface Case {
  readonly pattern: string;
  readonly options: GlobOptions;
  readonly value: string;
}

const cases: readonly Case[] = [
  { pattern: '*a*a*a*a*a*a*a*a*b', options: INBOUND_FILTER, value: 'a'.repeat(MESSAGE_MAX) },
  { pattern: '*a*b*c', options: INBOUND_FILTER, value: 'ab'.repeat(MESSAGE_MAX / 2) },
  { pattern: '*ResizeObserver loop*', options: INBOUND_FILTER, value: 'x'.repeat(MESSAGE_MAX) },
  { pattern: `${'*a'.repeat(40)}*b`, options: INBOUND_FILTER, value: 'a'.repeat(MESSAGE_MAX) },
  { pattern: '**/**/**/**/**/x', options: PATH_RULE, value: '/a'.repeat(MESSAGE_MAX / 2) },
  { pattern: '**/node_modules/**', options: PATH_RULE, value: '/app/src/components/checkout/payment/form/index.tsx' },
];

/** Median of `runs` timings of `fn`, in microseconds, after a warm-up. */
function medianMicros(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** The inbound-filter compiler before the matcher: `*` became `[\s\S]*` in a RegExp. */
function backtracking(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\/-]/g, '\\$&')
    .replace(/\*+/g, '[\\s\\S]*')
    .replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, 'i');
}

const out = ['| pattern | value | µs per match (median) |', '| --- | --- | --- |'];
for (const c of cases) {
  const glob = compileGlob(c.pattern, c.options);
  const micros = medianMicros(() => glob.test(c.value), 200);
  out.push(`| \`${c.pattern}\` | ${c.value.length} characters | ${micros.toFixed(1)} |`);
}
out.push('', '| backtracking RegExp (before) | value | µs per match (median) |', '| --- | --- | --- |');
for (const n of [20, 30, 40]) {
  const re = backtracking('*a*a*a*a*a*a*b');
  const value = 'a'.repeat(n);
  out.push(`| \`*a*a*a*a*a*a*b\` | ${n} characters | ${medianMicros(() => re.test(value), 5).toFixed(0)} |`);
}
process.stdout.write(`${out.join('\n')}\n`);
