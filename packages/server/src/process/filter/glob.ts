/**
 * Glob patterns as Relay's filters use them (globset with `literal_separator(false)`,
 * case-insensitive): `*` (and `**`) match any run of characters including `/` and newlines,
 * `?` one character, `[abc]`/`[!a-z]` a class, `\x` a literal `x`. Anchored at both ends.
 */
export function compileGlob(pattern: string): RegExp {
  try {
    return new RegExp(globSource(pattern, true), 'i');
  } catch {
    // A class the regex engine rejects (`[z-a]`): match the brackets literally instead.
    return new RegExp(globSource(pattern, false), 'i');
  }
}

/** Whether every `[...]` class in the pattern is well-formed (for settings validation). */
export function isValidGlob(pattern: string): boolean {
  try {
    new RegExp(globSource(pattern, true));
    return true;
  } catch {
    return false;
  }
}

function globSource(pattern: string, classes: boolean): string {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      re += '[\\s\\S]*';
    } else if (c === '?') re += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i] as string);
    else if (c === '[' && classes) {
      const end = classEnd(pattern, i);
      if (end === -1) re += '\\[';
      else {
        re += charClass(pattern.slice(i + 1, end));
        i = end;
      }
    } else re += escapeRegExp(c);
  }
  return `${re}$`;
}

/** Index of the `]` closing the class opened at `start` (a leading `]` or `!]` is literal), or -1. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  const end = pattern.indexOf(']', i);
  return end;
}

function charClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, '\\$&');
  return `[${negated ? '^' : ''}${members}]`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Compiled patterns per list. Settings objects are long-lived (one per project, replaced on
 * change), so keying the cache by the list itself makes filtering compile-free per event.
 */
const compiled = new WeakMap<readonly string[], readonly RegExp[]>();

export function compileGlobs(patterns: readonly string[]): readonly RegExp[] {
  let list = compiled.get(patterns);
  if (list === undefined) {
    list = patterns.map(compileGlob);
    compiled.set(patterns, list);
  }
  return list;
}

export function matchesAny(globs: readonly RegExp[], text: string): boolean {
  for (const glob of globs) if (glob.test(text)) return true;
  return false;
}
