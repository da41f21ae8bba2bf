import { fileURLToPath } from 'node:url';

// Resolved from this compiled file (packages/bench/dist/paths.js), so the bench works from any cwd.
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const defaultResultsDir = fileURLToPath(new URL('../results', import.meta.url));
/** Git-ignored scratch space kept between runs (the query benchmark's seeded databases). */
export const workDir = fileURLToPath(new URL('../.work', import.meta.url));
