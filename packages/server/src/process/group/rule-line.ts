// The lexical layer both rule syntaxes share: one rule per line, `#` starts a comment where a
// token could start, `key:value` matchers with an optional `!`, values bare (up to whitespace)
// or double-quoted with backslash escapes. Columns are 1-based, as the settings UI shows them.

export interface RuleSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type RulesParseResult<T> = { readonly ok: true; readonly rules: readonly T[] } | { readonly ok: false; readonly errors: readonly RuleSyntaxError[] };

export class RuleSyntaxFailure {
  constructor(readonly error: RuleSyntaxError) {}
}

export interface ScannedMatcher {
  readonly negated: boolean;
  readonly key: string;
  readonly value: string;
  readonly column: number;
}

const KEY_CHAR = /[A-Za-z0-9_.-]/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

export class RuleLine {
  pos = 0;

  constructor(
    readonly text: string,
    readonly line: number,
  ) {}

  fail(message: string, column = this.pos + 1): RuleSyntaxFailure {
    return new RuleSyntaxFailure({ line: this.line, column, message });
  }

  skipSpaces(): void {
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
  }

  /** After skipping blanks: nothing left but perhaps a comment. */
  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.text.length || this.text[this.pos] === '#';
  }

  peek(length = 1): string {
    return this.text.slice(this.pos, this.pos + length);
  }

  /** A `"…"` string at the cursor; `\"`, `\\`, `\n`, `\t` are escapes. */
  readQuoted(): string {
    const start = this.pos;
    let out = '';
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos] as string;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\' && this.pos + 1 < this.text.length) {
        this.pos++;
        const e = this.text[this.pos] as string;
        out += ESCAPES[e] ?? e;
      } else out += c;
    }
    throw this.fail('unterminated quoted string', start + 1);
  }

  readBare(stop: (c: string) => boolean = () => false): string {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === ' ' || c === '\t' || stop(c)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  readKey(): string {
    if (this.peek() === '"') {
      const column = this.pos + 1;
      const key = this.readQuoted();
      if (key === '' || ![...key].every((c) => KEY_CHAR.test(c))) throw this.fail(`invalid matcher name '${key}'`, column);
      return key;
    }
    const start = this.pos;
    while (this.pos < this.text.length && KEY_CHAR.test(this.text[this.pos] as string)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** `!?key:value` at the cursor (blanks already skipped). */
  readMatcher(): ScannedMatcher {
    const column = this.pos + 1;
    const negated = this.peek() === '!';
    if (negated) this.pos++;
    const key = this.readKey();
    if (key === '') throw this.fail(`expected a matcher such as error.type:Value, found '${this.readBare()}'`, column);
    if (this.peek() !== ':') throw this.fail(`expected ':' after matcher '${key}'`);
    this.pos++;
    const value = this.peek() === '"' ? this.readQuoted() : this.readBare();
    if (value === '') throw this.fail(`matcher '${key}' needs a value`);
    return { negated, key, value, column };
  }
}

/** Runs `parseLine` on every non-blank, non-comment line and gathers every line's error. */
export function parseRuleLines<T>(text: string, parseLine: (line: RuleLine) => T): RulesParseResult<T> {
  const rules: T[] = [];
  const errors: RuleSyntaxError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = new RuleLine(raw, i + 1);
    if (line.atEnd()) return;
    try {
      rules.push(parseLine(line));
    } catch (e) {
      if (!(e instanceof RuleSyntaxFailure)) throw e;
      errors.push(e.error);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}
