import type { Rng } from './rng.js';
import { NOUNS, PROPERTIES, VERBS } from './vocabulary.js';

// Plausible JavaScript lines for pre_context/context_line/post_context. Source context is
// the bulk of a real Node error event (see the captures), so its size and its text-like
// compressibility matter more than its meaning.

const LINE_SHAPES: readonly ((r: Rng) => string)[] = [
  (r) => `const ${r.pick(NOUNS)} = await ${r.pick(NOUNS)}Repo.${r.pick(VERBS)}(${r.pick(NOUNS)}Id);`,
  (r) => `if (!${r.pick(NOUNS)}.${r.pick(PROPERTIES)}) throw new Error(\`missing ${r.pick(PROPERTIES)} on ${r.pick(NOUNS)} \${id}\`);`,
  (r) => `return ${r.pick(VERBS)}${capitalize(r.pick(NOUNS))}(req.params.${r.pick(PROPERTIES)}, { retries: ${r.int(1, 5)} });`,
  (r) => `logger.info({ ${r.pick(NOUNS)}Id: ${r.pick(NOUNS)}.id }, '${r.pick(VERBS)} ${r.pick(NOUNS)}');`,
  (r) => `for (const ${r.pick(NOUNS)} of ${r.pick(NOUNS)}s) {`,
  (r) => `  total += ${r.pick(NOUNS)}.${r.pick(PROPERTIES)} * ${r.int(2, 100)};`,
  () => '}',
  () => '',
  (r) => `// ${r.pick(VERBS)} the ${r.pick(NOUNS)} before the ${r.pick(NOUNS)} is ${r.pick(VERBS)}ed`,
  (r) => `export async function ${r.pick(VERBS)}${capitalize(r.pick(NOUNS))}(${r.pick(NOUNS)}, options = {}) {`,
  (r) => `  const { ${r.pick(PROPERTIES)}, ${r.pick(PROPERTIES)} } = await db.query('select * from ${r.pick(NOUNS)}s where id = $1', [id]);`,
  (r) => `  res.status(${r.pick([200, 201, 400, 404, 500])}).json({ ${r.pick(PROPERTIES)}: ${r.pick(NOUNS)}.${r.pick(PROPERTIES)} });`,
  () => '  } catch (err) {',
  () => '    next(err);',
];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function sourceLine(rng: Rng): string {
  const indent = '  '.repeat(rng.int(0, 3));
  return indent + rng.pick(LINE_SHAPES)(rng);
}

export function sourceLines(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => sourceLine(rng));
}

export function identifier(rng: Rng): string {
  return `${rng.pick(VERBS)}${capitalize(rng.pick(NOUNS))}`;
}
