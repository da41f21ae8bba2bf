// Glob patterns of the rule syntaxes (Sentry product docs, Issue Grouping › Fingerprint Rules, Stack Trace
// Rules), compiled once when rules are parsed. Path globs: `*` and `?` stay inside one path segment, `**`
// crosses `/`, `**/` also matches no directory at all (so `**/node_modules/**` matches a relative
// `node_modules/x.js`), `\` counts as `/`. Other globs: `*` is any run of characters, `\` escapes.
// `[abc]`/`[!abc]` are classes.
//
// Matching simulates the pattern as an automaton (time O(value × pattern)) instead of compiling
// to a RegExp: values come from event payloads anyone holding a public DSN can send, and a
// backtracking regex for a rule like `*a*b*c*d*` can take minutes on a crafted message.

export interface GlobOptions {
  readonly path: boolean;
  readonly ignoreCase: boolean;
}

type Token =
  | { readonly k: 'lit'; readonly c: string }
  | { readonly k: 'any' | 'seg' | 'star' | 'segstar' | 'dirstar' }
  | { readonly k: 'cls'; readonly negate: boolean; readonly chars: string; readonly ranges: readonly (readonly [string, string])[] };

export interface Glob {
  readonly pattern: string;
  test(value: string): boolean;
}

function parseClass(p: string, start: number): { token: Token; end: number } | null {
  let i = start + 1;
  const negate = p[i] === '!' || p[i] === '^';
  if (negate) i++;
  let chars = '';
  const ranges: [string, string][] = [];
  for (let first = true; i < p.length; i++, first = false) {
    const c = p[i] as string;
    // A `]` right after the opening bracket is a member, as in fnmatch.
    if (c === ']' && !first) return { token: { k: 'cls', negate, chars, ranges }, end: i };
    const hi = p[i + 2];
    if (p[i + 1] === '-' && hi !== undefined && hi !== ']') {
      ranges.push([c, hi]);
      i += 2;
    } else chars += c;
  }
  return null;
}

// Case folding happens on whole strings (pattern and value) so both sides fold alike.
function tokenize(p: string, options: GlobOptions): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') {
      let stars = 1;
      while (p[i + 1] === '*') {
        stars++;
        i++;
      }
      if (options.path && stars > 1 && p[i + 1] === '/') {
        tokens.push({ k: 'dirstar' });
        i++;
      } else tokens.push({ k: options.path && stars === 1 ? 'segstar' : 'star' });
    } else if (c === '?') tokens.push({ k: options.path ? 'seg' : 'any' });
    else if (c === '[') {
      const cls = parseClass(p, i);
      if (cls === null) tokens.push({ k: 'lit', c: '[' });
      else {
        tokens.push(cls.token);
        i = cls.end;
      }
    } else if (c === '\\' && i + 1 < p.length) {
      i++;
      tokens.push({ k: 'lit', c: p[i] as string });
    } else tokens.push({ k: 'lit', c });
  }
  return tokens;
}

function inClass(t: Extract<Token, { k: 'cls' }>, c: string): boolean {
  const hit = t.chars.includes(c) || t.ranges.some(([lo, hi]) => c >= lo && c <= hi);
  return hit !== t.negate;
}

const isStar = (t: Token | undefined): boolean => t !== undefined && (t.k === 'star' || t.k === 'segstar' || t.k === 'dirstar');

/** Whether token `t` consumes `c` and moves on (`advance`) or consumes it and stays (`loop`). */
function accepts(t: Token, c: string): { advance: boolean; loop: boolean } {
  switch (t.k) {
    case 'lit':
      return { advance: t.c === c, loop: false };
    case 'any':
      return { advance: true, loop: false };
    case 'seg':
      return { advance: c !== '/', loop: false };
    case 'cls':
      return { advance: inClass(t, c), loop: false };
    case 'star':
      return { advance: false, loop: true };
    case 'segstar':
      return { advance: false, loop: c !== '/' };
    default:
      return { advance: c === '/', loop: true };
  }
}

// Bit-parallel simulation: bit i set = "before token i", bit m = accepted. Patterns up to this
// many tokens fit a 32-bit mask; longer ones (rare) use the same automaton with one byte per state.
const MAX_BIT_TOKENS = 30;
const ASCII = 128;

interface Machine {
  readonly m: number;
  readonly advance: Int32Array;
  readonly loop: Int32Array;
  readonly starMask: number;
  // A directory glob (`**` + slash) may match nothing only when entered, not after consuming characters.
  readonly plainStarMask: number;
  readonly fold: (c: string) => string;
  readonly tokens: readonly Token[];
}

function masksFor(tokens: readonly Token[], c: string): [number, number] {
  let advance = 0;
  let loop = 0;
  tokens.forEach((t, i) => {
    const a = accepts(t, c);
    if (a.advance) advance |= 1 << i;
    if (a.loop) loop |= 1 << i;
  });
  return [advance, loop];
}

function machine(tokens: readonly Token[], fold: (c: string) => string): Machine {
  const advance = new Int32Array(ASCII);
  const loop = new Int32Array(ASCII);
  for (let code = 0; code < ASCII; code++) [advance[code], loop[code]] = masksFor(tokens, fold(String.fromCharCode(code)));
  let starMask = 0;
  let plainStarMask = 0;
  tokens.forEach((t, i) => {
    if (isStar(t)) starMask |= 1 << i;
    if (isStar(t) && t.k !== 'dirstar') plainStarMask |= 1 << i;
  });
  return { m: tokens.length, advance, loop, starMask, plainStarMask, fold, tokens };
}

// Stars may match nothing: the only epsilon move, one token forward, possibly chained.
function close(set: number, starMask: number): number {
  let s = set;
  for (;;) {
    const next = s | ((s & starMask) << 1);
    if (next === s) return s;
    s = next;
  }
}

function runBits(mc: Machine, value: string): boolean {
  let cur = close(1, mc.starMask);
  for (let j = 0; j < value.length && cur !== 0; j++) {
    const code = value.charCodeAt(j);
    let adv: number;
    let loop: number;
    if (code < ASCII) {
      adv = mc.advance[code] as number;
      loop = mc.loop[code] as number;
    } else [adv, loop] = masksFor(mc.tokens, mc.fold(value[j] as string));
    const stayed = cur & loop;
    const entered = ((cur & adv) << 1) | ((stayed & mc.plainStarMask) << 1);
    cur = close(entered, mc.starMask) | stayed;
  }
  return (cur & (1 << mc.m)) !== 0;
}

function runBytes(tokens: readonly Token[], fold: (c: string) => string, value: string): boolean {
  const m = tokens.length;
  const star = tokens.map(isStar);
  const plain = tokens.map((t) => isStar(t) && t.k !== 'dirstar');
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  const stayed = new Uint8Array(m + 1);
  cur[0] = 1;
  for (let i = 0; i < m; i++) if (cur[i] === 1 && star[i]) cur[i + 1] = 1;
  for (let j = 0; j < value.length; j++) {
    const c = fold(value[j] as string);
    next.fill(0);
    stayed.fill(0);
    for (let i = 0; i < m; i++) {
      if (cur[i] === 0) continue;
      const a = accepts(tokens[i] as Token, c);
      if (a.advance) next[i + 1] = 1;
      if (a.loop) stayed[i] = 1;
    }
    let any = false;
    for (let i = 0; i <= m; i++) {
      if ((next[i] === 1 && star[i]) || (stayed[i] === 1 && plain[i])) next[i + 1] = 1;
      if (stayed[i] === 1) next[i] = 1;
      any ||= next[i] === 1;
    }
    if (!any) return false;
    [cur, next] = [next, cur];
  }
  return cur[m] === 1;
}

export function compileGlob(pattern: string, options: GlobOptions): Glob {
  const lower = (c: string): string => c.toLowerCase();
  const slash = (c: string): string => (c === '\\' ? '/' : c);
  const fold = options.ignoreCase ? (options.path ? (c: string) => lower(slash(c)) : lower) : options.path ? slash : (c: string) => c;
  const source = options.path ? pattern.replaceAll('\\', '/') : pattern;
  const tokens = tokenize(options.ignoreCase ? source.toLowerCase() : source, options);
  if (tokens.length === 1 && tokens[0]?.k === 'star') return { pattern, test: () => true };
  const required = requiredLiteral(tokens, options);
  const mc = tokens.length <= MAX_BIT_TOKENS ? machine(tokens, fold) : null;
  const run = mc !== null ? (value: string) => runBits(mc, value) : (value: string) => runBytes(tokens, fold, value);
  return { pattern, test: required === null ? run : (value) => required.test(value) && run(value) };
}

/**
 * Every literal run of the pattern must occur in a matching value. Searching for the longest
 * one first (a plain, linear regex search) rejects most values before the automaton runs.
 */
function requiredLiteral(tokens: readonly Token[], options: GlobOptions): RegExp | null {
  let best = '';
  let run = '';
  for (const t of [...tokens, null]) {
    if (t !== null && t.k === 'lit') run += t.c;
    else {
      if (run.length > best.length) best = run;
      run = '';
    }
  }
  if (best.length < 3) return null;
  const escaped = best.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(options.path ? escaped.replaceAll('\\/', '[/\\\\]') : escaped, options.ignoreCase ? 'i' : '');
}
