import { decodedMappings } from '@jridgewell/trace-mapping';
import type { ParsedSourceMap } from './parse-source-map.js';

// Names that say nothing about where the code is (Sentry's USELESS_FN_NAMES).
const USELESS = new Set(['<anonymous>', '__webpack_require__', '__webpack_modules__', '?', '']);
const IDENT = /^[A-Za-z_$][\w$]*$/;
const IDENT_CHAR = /[\w$]/;
/** How far back the scan looks for the function's declaration, in mapping segments. */
const MAX_SCAN = 20_000;

export const isUselessName = (name: string | null | undefined): boolean => name === null || name === undefined || USELESS.has(name);

/** `Object.n`, `async n`, `Module.n [as main]` → `n`: the identifier V8 reported. */
export function minifiedIdentifier(fn: string | undefined): string | null {
  if (!fn) return null;
  const bare = fn
    .replace(/\s*\[as [^\]]*\]$/, '')
    .replace(/^(?:(?:async|new|bound)\s+)+/, '')
    .trim();
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  return IDENT.test(last) ? last : null;
}

/**
 * The original name of the function a frame is in, found the way rust-sourcemap's
 * get_original_function_name does: walk the mappings backwards from the frame's position and
 * take the first one whose minified text is the frame's minified function name (its
 * declaration, usually `function n(`) and that carries an original name. Needs the minified
 * source; null when nothing matches.
 */
export function originalFunctionName(
  parsed: ParsedSourceMap,
  minifiedLines: readonly string[],
  line: number,
  column: number,
  minifiedName: string,
): string | null {
  const mappings = decodedMappings(parsed.map);
  let scanned = 0;
  for (let l = Math.min(line, mappings.length - 1); l >= 0 && scanned < MAX_SCAN; l--) {
    const segs = mappings[l] ?? [];
    const text = minifiedLines[l] ?? '';
    for (let i = segs.length - 1; i >= 0 && scanned < MAX_SCAN; i--, scanned++) {
      const seg = segs[i];
      if (seg?.length !== 5) continue;
      const col = seg[0];
      if (l === line && col > column) continue;
      if (text.startsWith(minifiedName, col) && !IDENT_CHAR.test(text.charAt(col + minifiedName.length))) {
        const name = parsed.map.names[seg[4]];
        if (name && !isUselessName(name)) return name;
      }
    }
  }
  return null;
}

/**
 * Sentry's get_function_for_token order: the enclosing function's original name; else the
 * name the caller's mapped call site gives the callee; else the minified name as reported.
 */
export function pickFunctionName(reported: string | undefined, scopeName: string | null, callerCallSiteName: string | null): string | undefined {
  if (scopeName && !isUselessName(scopeName)) return scopeName;
  if (callerCallSiteName && !isUselessName(callerCallSiteName)) return callerCallSiteName;
  return reported;
}
