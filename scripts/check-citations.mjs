#!/usr/bin/env node
// Fails when a comment or a doc cites something a maintainer cannot open: a numbered section of a
// document that is not in this repository (the word "reference" followed by a section sign, or a
// section sign not preceded by a named standard such as an RFC), or a path into the shared folder
// beside the repository. Cite Sentry's public docs by page and section, or this repository's docs/
// (docs/wire-format.md collects what no single public page says).
// Comments are read with TypeScript's scanner, so strings (test names, messages) are not judged;
// Markdown is read whole; `#` comments in Python and shell. Run by `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-fixtures', 'coverage']);
const SKIP_FILES = new Set(['package-lock.json']);
const SCRIPT = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json']);
const HASH_COMMENTS = new Set(['.py', '.sh']);

const OUTSIDE = [
  [/\breference\s*§/i, 'cites a section of a document outside the repository'],
  [/(^|[^\w.])(\.\.\/)+shared\b|\bshared\/(reference|fixtures|seeds|HOUSE-STYLE)/, 'points at a path outside the repository'],
  [/sentry-(protocol|web-api)\.md/, 'names a document outside the repository'],
];
// A `§` is fine after a named public standard (RFC 3339 §5.6, ECMA-262 §21.4), not on its own.
const NAMED_STANDARD = /(RFC\s?\d+(bis)?|ECMA-\d+|ISO(\/IEC)?\s?[\d-]+)\s*$/;

function problemsIn(text) {
  const out = [];
  for (const [pattern, why] of OUTSIDE) if (pattern.test(text)) out.push(why);
  for (const m of text.matchAll(/§\s*\d/g)) {
    if (!NAMED_STANDARD.test(text.slice(Math.max(0, m.index - 24), m.index))) {
      out.push('cites a bare § section (name the page and section instead)');
      break;
    }
  }
  return out;
}

// Tokens after which a `/` divides; anywhere else it starts a regular expression.
const OPERAND_END = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

/** [offset, text] of every comment in a JS/TS/JSON file; template literals and regexes are skipped. */
function scriptComments(source, file) {
  const variant = /\.(tsx|jsx)$/.test(file) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, source);
  const out = [];
  const braces = []; // 'template' for a `${`, 'brace' for a `{`
  let previous;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      out.push([scanner.getTokenStart(), scanner.getTokenText()]);
      continue;
    }
    if (kind === ts.SyntaxKind.NewLineTrivia || kind === ts.SyntaxKind.WhitespaceTrivia) continue;
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !OPERAND_END.has(previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.OpenBraceToken) {
      braces.push(kind === ts.SyntaxKind.TemplateHead ? 'template' : 'brace');
    } else if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    }
    previous = kind;
  }
  return out;
}

function hashComments(source) {
  const out = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    const at = line.indexOf('#');
    if (at >= 0) out.push([offset + at, line.slice(at)]);
    offset += line.length + 1;
  }
  return out;
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* files(join(dir, entry.name));
    } else if (!SKIP_FILES.has(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

const failures = [];
for (const file of files(root)) {
  const ext = extname(file);
  const rel = relative(root, file).split(sep).join('/');
  const isShell = rel.startsWith('.ci/') || ext === '.sh';
  if (!(SCRIPT.has(ext) || HASH_COMMENTS.has(ext) || ext === '.md' || isShell)) continue;
  const source = readFileSync(file, 'utf8');
  const chunks = ext === '.md' ? [[0, source]] : SCRIPT.has(ext) ? scriptComments(source, file) : hashComments(source);
  for (const [offset, text] of chunks) {
    for (const [i, lineText] of text.split('\n').entries()) {
      const whys = problemsIn(lineText);
      if (whys.length > 0) {
        const lineNo = source.slice(0, offset).split('\n').length + i;
        failures.push(`${rel}:${lineNo}: ${whys.join('; ')}: ${lineText.trim().slice(0, 120)}`);
      }
    }
  }
}

if (failures.length > 0) {
  console.error(`check-citations: ${failures.length} citation(s) a maintainer cannot follow:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('check-citations: every comment and doc cites public pages or this repository');
