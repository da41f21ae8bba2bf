#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm start`/`npm test`, or `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('faultline: not built yet — run `npm run build` (or `npm start`) in the repository root first\n');
  process.exit(1);
}
await import(entry.href);
