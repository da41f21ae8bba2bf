// Normalizes the names a frame contributes to grouping (Sentry developer docs, Grouping), so
// that the same code reported by different SDK versions, bundlers or runtimes yields one value.
import type { Family } from './platform-family.js';

// Names that stand for "unknown" in JS stack traces from V8, SpiderMonkey, JavaScriptCore and IE.
const JS_UNKNOWN_FUNCTIONS = new Set(['?', '<anonymous>', '<anonymous function>', 'Anonymous function', '']);
const JS_PREFIXES = /^(?:(?:async|bound|new)\s+)+/;
// V8 appends the property a method was reached through: `Layer.handle [as handle_request]`.
// The look-behind starts the match only where a run of blanks starts: tried at every blank of a
// long run, `\s*` made names of spaces quadratic.
const JS_ALIAS = /(?<!\s)\s*\[as [^\]]*\]$/;

function jsFunction(raw: string): string | undefined {
  const name = raw.trim().replace(JS_PREFIXES, '').replace(JS_ALIAS, '');
  if (JS_UNKNOWN_FUNCTIONS.has(name) || name.endsWith('/<')) return undefined;
  // Only the last segment: `Object.foo`, `HTMLButtonElement.foo` and `foo` are the same function.
  const last = name.slice(name.lastIndexOf('.') + 1);
  return JS_UNKNOWN_FUNCTIONS.has(last) ? undefined : last;
}

/** Drops argument lists, return types and template arguments: `int ns::f<T>(a, b) const` → `ns::f<T>`. */
function nativeFunction(raw: string): string | undefined {
  if (raw === '<redacted>' || raw === '<unknown>') return undefined;
  let out = '';
  let depth = 0;
  for (const c of raw) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  out = out.replace(/(?<!\s)\s+const$/, '').replace(/<[^<>]*>/g, '<T>');
  const lastSpace = out.trimEnd().lastIndexOf(' ');
  const name = (lastSpace >= 0 ? out.slice(lastSpace + 1) : out).trim();
  return name === '' ? undefined : name;
}

export function normalizeFunction(raw: string | undefined, platform: string, family: Family): string | undefined {
  if (raw === undefined) return undefined;
  if (family === 'javascript') return jsFunction(raw);
  if (family === 'native') return nativeFunction(raw);
  const name = raw.trim();
  if (name === '') return undefined;
  switch (platform) {
    case 'ruby':
      // `block (2 levels) in render` → `block`; ERB compiles templates to `_app_views_x_erb__1234_5678`.
      return name.startsWith('block ') ? 'block' : name.replace(/__\d+_\d+$/, '');
    case 'php':
      return name.includes('{closure}') || name.includes('class@anonymous') ? undefined : name;
    case 'java':
      return name.startsWith('lambda$') ? undefined : name.replace(/\$\$Lambda\$\d+\/(?:0x)?[0-9a-fA-F]+/, '$$$$Lambda$$');
    case 'csharp':
      return name.replace(/\(.*\)$/, '');
    default:
      return name;
  }
}

/** Java generates class names per process: lambdas, reflection accessors, proxies, Clojure fns. */
export function normalizeModule(module: string, platform: string): string {
  if (platform !== 'java') return module;
  return module
    .replace(/\$\$Lambda\$\d+(?:\/(?:0x)?[0-9a-fA-F]+)?/g, '$$$$Lambda$$')
    .replace(/GeneratedMethodAccessor\d+/g, 'GeneratedMethodAccessor')
    .replace(/\$\$(?:EnhancerByCGLIB|FastClassByCGLIB|_javassist)\$\$[0-9a-fA-F_]+/g, '$$$$<generated>')
    .replace(/\$fn__\d+/g, '$$fn');
}

// A run of 8+ hex characters with a digit between dots/dashes is a content hash or cache buster
// (`main.3f2a9c1b.js`, `chunk-1a2b3c4d.js`): a new build must not start new issues.
const HASH_SEGMENT = /(?<=[.\-_])(?=[0-9a-f]*\d)[0-9a-f]{8,}(?=[.\-_])/gi;

/** Basename, lowercased (Sentry developer docs, Grouping), without query string, fragment or build hash. */
export function normalizeFilename(filename: string): string {
  const cut = filename.search(/[?#]/);
  const path = cut >= 0 ? filename.slice(0, cut) : filename;
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  return base.replace(HASH_SEGMENT, '<hash>');
}

const URL_ORIGIN = /^(?:https?|blob):/i;

/** A frame served from a URL: its file name is the bundle, not the source, and does not group. */
export function hasUrlOrigin(path: string | undefined, family: Family): boolean {
  if (path === undefined) return false;
  return URL_ORIGIN.test(path) || (family === 'javascript' && path.toLowerCase().startsWith('file:'));
}
