import { fileURLToPath } from 'node:url';

// Resolved from this compiled file (packages/bench/dist/paths.js), so the bench works from any cwd.
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const defaultResultsDir = fileURLToPath(new URL('../results', import.meta.url));
