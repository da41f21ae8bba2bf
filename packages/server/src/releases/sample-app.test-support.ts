// Test support (not a test): a tiny app (src/index.js throws, src/util.js) built by esbuild
// into a minified bundle with its source map, as a user's build leaves them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const SOURCE_INDEX =
  "import { greet } from './util.js';\n\nexport function main(name) {\n  const message = greet(name);\n  if (!name) {\n    throw new Error('Name is required');\n  }\n  return message;\n}\n";
// biome-ignore lint/suspicious/noTemplateCurlyInString: the app's source text, a template literal in it
export const SOURCE_UTIL = 'export function greet(name) {\n  return `Hello, ${name}!`;\n}\n';

/** Writes src/ under `dir` and builds `dir/<out>/app.min.js` (+ .map); returns the output directory. */
export async function buildApp(dir: string, out = 'dist', options: Parameters<typeof build>[0] = { minify: true }): Promise<string> {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/index.js'), SOURCE_INDEX);
  writeFileSync(join(dir, 'src/util.js'), SOURCE_UTIL);
  await build({
    entryPoints: [join(dir, 'src/index.js')],
    bundle: true,
    sourcemap: true,
    format: 'cjs',
    platform: 'node',
    outfile: join(dir, out, 'app.min.js'),
    logLevel: 'silent',
    ...options,
  });
  return join(dir, out);
}
