/**
 * The one glob matcher of the server (inbound filters, alert tag filters, fingerprint and stack
 * rules; semantics in docs/ingest.md "Glob patterns"). A pattern is compiled to a list of tokens
 * and matched by simulating it as an automaton over the value, one bit per token: time
 * O(value × pattern / 32), never a backtracking RegExp. Patterns come from project members and
 * values from anyone holding a public DSN, so `*a*a*a*a*b` must not cost seconds per message.
 */

export interface GlobOptions {
  /**
   * Path globs: `*` and `?` stay inside one `/`-separated segment, `**` crosses segments, `**` + `/`
   * also matches no directory at all, and `\` counts as `/` in pattern and value (no escapes).
   */
  readonly path?: boolean;
  /** `[abc]`/`[!a-z]` classes and `\` escapes; without them only `*` and `?` are special. */
  readonly classes?: boolean;
  /**
   * How letters compare: exactly; by `String#toLowerCase` (the pattern as a whole, the value per
   * character); or as a RegExp with the `i` flag compares them (inbound filters were defined so).
   */
  readonly caseFolding?: 'none' | 'lower' | 'regexp';
  /** A reversed range (`[z-a]`) matches nothing, or makes every bracket of the pattern literal. */
  readonly reversedRange?: 'empty' | 'literal';
}

export interface Glob {
  readonly pattern: string;
  test(value: string): boolean;
}

type Token =
  | { readonly k: 'lit'; readonly code: number }
  | { readonly k: 'any' | 'seg' | 'star' | 'segstar' | 'dirstar' }
  | { readonly k: 'cls'; readonly has: (code: number) => boolean };

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const ASCII = 128;

// ---- case folding ------------------------------------------------------------------------------

// Facts of Unicode, the same for every caller: built once, on the first non-ASCII character
// (about 10 ms), and never changed.
let upperTable: Uint16Array | null = null;
let upperGroups: Map<number, readonly number[]> | null = null;
let lowerTable: Uint16Array | null = null;

const isAsciiLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const isAsciiUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;

/** ECMAScript's Canonicalize for a non-unicode `i` RegExp (ECMA-262 §22.2.2.7.3), per code unit. */
function regexpFold(code: number): number {
  if (code < ASCII) return isAsciiLower(code) ? code - 0x20 : code;
  if (upperTable === null) {
    upperTable = new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const upper = String.fromCharCode(u).toUpperCase();
      const cu = upper.charCodeAt(0);
      upperTable[u] = upper.length !== 1 || (u >= 128 && cu < 128) ? u : cu;
    }
  }
  return upperTable[code] as number;
}

/** Every code unit that folds to `canonical`: a class holds a character when it holds one of them. */
function regexpEquivalents(canonical: number): readonly number[] {
  // No code unit beyond ASCII folds into it (Canonicalize keeps them apart).
  if (canonical < ASCII) return isAsciiUpper(canonical) ? [canonical, canonical + 0x20] : [canonical];
  if (upperGroups === null) {
    const groups = new Map<number, number[]>();
    for (let u = 0; u < 0x10000; u++) {
      const c = regexpFold(u);
      const group = groups.get(c);
      if (group === undefined) groups.set(c, [u]);
      else group.push(u);
    }
    upperGroups = groups;
  }
  return upperGroups.get(canonical) ?? [canonical];
}

function lowerFold(code: number): number {
  if (code < ASCII) return isAsciiUpper(code) ? code + 0x20 : code;
  if (lowerTable === null) {
    lowerTable = new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const lower = String.fromCharCode(u).toLowerCase();
      // Only U+0130 lowers to two code units; it stays itself (it never equals a pattern character).
      lowerTable[u] = lower.length === 1 ? lower.charCodeAt(0) : u;
    }
  }
  return lowerTable[code] as number;
}

const DEFAULTS: Required<GlobOptions> = { path: false, classes: true, caseFolding: 'none', reversedRange: 'empty' };

// ---- parsing -------------------------------------------------------------------------------------

interface Parsed {
  readonly tokens: Token[];
  readonly reversedRange: boolean;
}

/** The class opened at `start`, as fnmatch reads it (a `]` right after `[` or `[!` is a member), or null when unclosed. */
function parseClass(p: string, start: number, fold: 'none' | 'lower' | 'regexp'): { token: Token; end: number; reversed: boolean } | null {
  let i = start + 1;
  const negate = p[i] === '!' || p[i] === '^';
  if (negate) i++;
  const members = new Set<number>();
  const ranges: [number, number][] = [];
  let reversed = false;
  for (let first = true; i < p.length; i++, first = false) {
    const c = p.charCodeAt(i);
    if (c === 0x5d && !first) {
      const raw = (code: number): boolean => members.has(code) || ranges.some(([lo, hi]) => code >= lo && code <= hi);
      // Folded values meet raw members through every code unit that folds alike, as RegExp `i` does.
      const has = fold === 'regexp' ? (code: number) => regexpEquivalents(code).some(raw) !== negate : (code: number) => raw(code) !== negate;
      return { token: { k: 'cls', has }, end: i, reversed };
    }
    if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
      const hi = p.charCodeAt(i + 2);
      reversed ||= c > hi;
      ranges.push([c, hi]);
      i += 2;
    } else members.add(c);
  }
  return null;
}

function tokenize(p: string, o: Required<GlobOptions>, classes: boolean): Parsed {
  const tokens: Token[] = [];
  let reversedRange = false;
  const lit = (code: number): Token => ({ k: 'lit', code: o.caseFolding === 'regexp' ? regexpFold(code) : code });
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') {
      let stars = 1;
      for (; p[i + 1] === '*'; i++) stars++;
      if (o.path && stars > 1 && p[i + 1] === '/') {
        tokens.push({ k: 'dirstar' });
        i++;
      } else tokens.push({ k: o.path && stars === 1 ? 'segstar' : 'star' });
    } else if (c === '?') tokens.push({ k: o.path ? 'seg' : 'any' });
    else if (c === '[' && classes) {
      const cls = parseClass(p, i, o.caseFolding);
      if (cls === null) tokens.push(lit(0x5b));
      else {
        tokens.push(cls.token);
        reversedRange ||= cls.reversed;
        i = cls.end;
      }
    } else if (c === '\\' && o.classes && i + 1 < p.length) tokens.push(lit(p.charCodeAt(++i)));
    else tokens.push(lit(p.charCodeAt(i)));
  }
  return { tokens, reversedRange };
}

function parse(pattern: string, o: Required<GlobOptions>): Token[] {
  let source = o.path ? pattern.replaceAll('\\', '/') : pattern;
  if (o.caseFolding === 'lower') source = source.toLowerCase();
  const parsed = tokenize(source, o, o.classes);
  // Escapes still count when the brackets turn literal, as in the RegExp compiler this replaces.
  return parsed.reversedRange && o.reversedRange === 'literal' ? tokenize(source, o, false).tokens : parsed.tokens;
}

/** Whether every `[...]` class is well-formed (no reversed range), for settings validation. */
export function isValidGlob(pattern: string): boolean {
  return !tokenize(pattern, { ...DEFAULTS, classes: true }, true).reversedRange;
}

// ---- matching ----------------------------------------------------------------------------------

const NON_ASCII_CACHE = 256;

const isStar = (t: Token): boolean => t.k === 'star' || t.k === 'segstar' || t.k === 'dirstar';

/** Whether token `t` consumes the (folded) code unit and moves on to the next token. */
function advances(t: Token, code: number): boolean {
  switch (t.k) {
    case 'lit':
      return t.code === code;
    case 'any':
      return true;
    case 'seg':
      return code !== SLASH;
    case 'cls':
      return t.has(code);
    case 'dirstar':
      return code === SLASH;
    default:
      return false;
  }
}

/** Whether token `t` consumes the code unit and stays (a star). */
function loops(t: Token, code: number): boolean {
  return t.k === 'star' || t.k === 'dirstar' || (t.k === 'segstar' && code !== SLASH);
}

function setBit(bits: Int32Array, i: number): void {
  bits[i >> 5] = (bits[i >> 5] as number) | (1 << (i & 31));
}

export function compileGlob(pattern: string, options: GlobOptions): Glob {
  const o: Required<GlobOptions> = { ...DEFAULTS, ...options };
  const tokens = parse(pattern, o);
  if (tokens.length === 1 && tokens[0]?.k === 'star') return { pattern, test: () => true };
  const m = tokens.length;
  // State i (bit i % 32 of word i >> 5) = "before token i"; state m = the whole pattern matched.
  const words = (m >> 5) + 1;
  const fold = o.caseFolding === 'regexp' ? regexpFold : o.caseFolding === 'lower' ? lowerFold : (code: number): number => code;
  const foldValue = o.path ? (code: number) => fold(code === BACKSLASH ? SLASH : code) : fold;
  const star = new Int32Array(words);
  // A directory glob may match nothing only where it is entered, not after consuming characters.
  const plainStar = new Int32Array(words);
  tokens.forEach((t, i) => {
    if (isStar(t)) setBit(star, i);
    if (isStar(t) && t.k !== 'dirstar') setBit(plainStar, i);
  });
  /** Advance and loop masks of one folded code unit, 2 × words ints. */
  const masksOf = (code: number): Int32Array => {
    const masks = new Int32Array(2 * words);
    tokens.forEach((t, i) => {
      if (advances(t, code)) setBit(masks, i);
      if (loops(t, code)) setBit(masks, 32 * words + i);
    });
    return masks;
  };
  // Filled as characters are first seen, so compiling stays O(pattern) (alert rules compile per event).
  const ascii: (Int32Array | undefined)[] = new Array(ASCII);
  const others = new Map<number, Int32Array>();
  const masksFor = (code: number): Int32Array => {
    if (code < ASCII) {
      let masks = ascii[code];
      if (masks === undefined) ascii[code] = masks = masksOf(foldValue(code));
      return masks;
    }
    let masks = others.get(code);
    if (masks === undefined) {
      masks = masksOf(foldValue(code));
      if (others.size >= NON_ASCII_CACHE) others.clear();
      others.set(code, masks);
    }
    return masks;
  };

  if (words === 1) return { pattern, test: oneWord(m, star[0] as number, plainStar[0] as number, masksFor) };

  let cur = new Int32Array(words);
  let next = new Int32Array(words);
  const stayed = new Int32Array(words);
  /** Stars may match nothing: from each state in `set`, step over star tokens, word by word. */
  const close = (set: Int32Array): void => {
    let carry = 0;
    for (let w = 0; w < words; w++) {
      let s = (set[w] as number) | carry;
      for (;;) {
        const more = s | ((s & (star[w] as number)) << 1);
        if (more === s) break;
        s = more;
      }
      set[w] = s;
      carry = (s & (star[w] as number)) >>> 31;
    }
  };
  const test = (value: string): boolean => {
    cur.fill(0);
    cur[0] = 1;
    close(cur);
    for (let j = 0; j < value.length; j++) {
      const masks = masksFor(value.charCodeAt(j));
      let alive = 0;
      let carry = 0;
      for (let w = 0; w < words; w++) {
        const c = cur[w] as number;
        const stay = c & (masks[words + w] as number);
        stayed[w] = stay;
        // Consuming moves one state on: past the token, or past a plain star that looped.
        const moved = (c & (masks[w] as number)) | (stay & (plainStar[w] as number));
        next[w] = (moved << 1) | carry;
        carry = moved >>> 31;
      }
      close(next);
      for (let w = 0; w < words; w++) {
        const s = (next[w] as number) | (stayed[w] as number);
        next[w] = s;
        alive |= s;
      }
      if (alive === 0) return false;
      const swap = cur;
      cur = next;
      next = swap;
    }
    return ((cur[m >> 5] as number) & (1 << (m & 31))) !== 0;
  };
  return { pattern, test };
}

/** The same simulation with the states in one int: every pattern of up to 31 tokens, the common case. */
function oneWord(m: number, star: number, plainStar: number, masksFor: (code: number) => Int32Array): (value: string) => boolean {
  const close = (set: number): number => {
    let s = set;
    for (;;) {
      const more = s | ((s & star) << 1);
      if (more === s) return s;
      s = more;
    }
  };
  const start = close(1);
  const accept = 1 << m;
  return (value) => {
    let cur = start;
    for (let j = 0; j < value.length; j++) {
      const masks = masksFor(value.charCodeAt(j));
      const stay = cur & (masks[1] as number);
      cur = close(((cur & (masks[0] as number)) | (stay & plainStar)) << 1) | stay;
      if (cur === 0) return false;
    }
    return (cur & accept) !== 0;
  };
}
