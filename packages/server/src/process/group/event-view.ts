// A validated, read-only view of the fields grouping uses. Built once per event from whatever
// arrived (the payload may be partial or malformed): every later step works on this view and
// so never meets a wrong type. Array positions are kept so effective in_app maps back.
import { normalizeFunction } from './frame-names.js';
import type { GroupingEvent } from './grouping-input.js';
import { type Family, familyOf } from './platform-family.js';

export interface FrameView {
  readonly filename: string | undefined;
  readonly absPath: string | undefined;
  readonly module: string | undefined;
  readonly package: string | undefined;
  readonly function: string | undefined;
  /** `function` as grouping sees it (frame-names.ts); undefined for anonymous frames. */
  readonly normalizedFunction: string | undefined;
  /** abs_path and filename, each also with a leading `/` when relative: what `path:` globs see. */
  readonly paths: readonly string[];
  readonly lineno: number | undefined;
  readonly colno: number | undefined;
  readonly contextLine: string | undefined;
  /** Frames without `in_app` count as not in-app (Sentry developer docs, Grouping). */
  readonly inAppHint: boolean;
  readonly platform: string;
  readonly family: Family;
  readonly sourcemapped: boolean;
}

export interface ExceptionView {
  readonly type: string | undefined;
  readonly value: string | undefined;
  readonly synthetic: boolean;
  readonly isGroup: boolean;
  readonly mechanismType: string | undefined;
  readonly nsError: string | undefined;
  readonly frames: readonly FrameView[];
}

export interface EventView {
  readonly platform: string;
  readonly family: Family;
  /** Same length as the payload's `exception.values`; null where an entry is not an object. */
  readonly exceptions: readonly (ExceptionView | null)[];
  /** Per entry of `threads.values` (null when it has no stack trace). */
  readonly threads: readonly (readonly FrameView[] | null)[];
  readonly stacktrace: readonly FrameView[] | null;
  readonly messageTemplate: string | undefined;
  readonly messageFormatted: string | undefined;
  readonly fingerprint: readonly string[] | null;
  readonly level: string | undefined;
  readonly logger: string | undefined;
  readonly transaction: string | undefined;
  readonly release: string | undefined;
  readonly sdkName: string | undefined;
  readonly tags: ReadonlyMap<string, string>;
  readonly security: { readonly kind: string; readonly directive: string | undefined; readonly uri: string | undefined } | null;
  readonly template: { readonly file: string | undefined; readonly contextLine: string | undefined } | null;
}

type Obj = Readonly<Record<string, unknown>>;

const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

// Sentry: "if the filename is relative, it still matches on **/".
function pathsOf(absPath: string | undefined, filename: string | undefined): string[] {
  const out: string[] = [];
  for (const p of absPath === filename ? [absPath] : [absPath, filename]) {
    if (p === undefined) continue;
    out.push(p);
    if (!p.startsWith('/')) out.push(`/${p}`);
  }
  return out;
}

function frameView(raw: unknown, eventPlatform: string): FrameView {
  const f = obj(raw) ?? {};
  const platform = str(f.platform) ?? eventPlatform;
  const family = familyOf(platform);
  const data = obj(f.data);
  const absPath = str(f.abs_path);
  const filename = str(f.filename);
  const fn = str(f.function) ?? str(f.raw_function);
  return {
    filename,
    absPath,
    module: str(f.module),
    package: str(f.package),
    function: fn,
    normalizedFunction: normalizeFunction(fn, platform, family),
    paths: pathsOf(absPath, filename),
    lineno: num(f.lineno),
    colno: num(f.colno),
    contextLine: str(f.context_line),
    inAppHint: f.in_app === true,
    platform,
    family,
    sourcemapped: data !== undefined && (str(data.sourcemap) !== undefined || data.symbolicated === true),
  };
}

function framesOf(stacktrace: unknown, platform: string): FrameView[] | null {
  const st = obj(stacktrace);
  if (st === undefined || !Array.isArray(st.frames)) return null;
  return st.frames.map((f) => frameView(f, platform));
}

function exceptionView(raw: unknown, platform: string): ExceptionView | null {
  const e = obj(raw);
  if (e === undefined) return null;
  const mechanism = obj(e.mechanism);
  const nsError = obj(obj(mechanism?.meta)?.ns_error);
  const nsCode = num(nsError?.code);
  const nsDomain = str(nsError?.domain);
  return {
    type: str(e.type),
    value: str(e.value),
    synthetic: mechanism?.synthetic === true,
    isGroup: mechanism?.is_exception_group === true,
    mechanismType: str(mechanism?.type),
    nsError: nsDomain !== undefined || nsCode !== undefined ? `${nsDomain ?? ''}:${nsCode ?? ''}` : undefined,
    frames: framesOf(e.stacktrace, platform) ?? [],
  };
}

/** `exception` is `{values: [...]}` on the wire; old SDKs sent a bare list or a single object. */
function exceptionEntries(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  const o = obj(v);
  if (o === undefined) return [];
  return 'values' in o ? arr(o.values) : [o];
}

function fingerprintOf(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
  }
  return out.length > 0 ? out : null;
}

function tagsOf(v: unknown): Map<string, string> {
  const tags = new Map<string, string>();
  const add = (k: unknown, val: unknown): void => {
    if (typeof k !== 'string') return;
    if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') tags.set(k, String(val));
  };
  if (Array.isArray(v)) for (const pair of v) Array.isArray(pair) && add(pair[0], pair[1]);
  else for (const [k, val] of Object.entries(obj(v) ?? {})) add(k, val);
  return tags;
}

function securityOf(e: Obj): EventView['security'] {
  for (const kind of ['csp', 'hpkp', 'expectct', 'expectstaple']) {
    const r = obj(e[kind]);
    if (r === undefined) continue;
    return { kind, directive: str(r.effective_directive) ?? str(r.violated_directive), uri: str(r.blocked_uri) ?? str(r.hostname) };
  }
  return null;
}

export function toEventView(event: GroupingEvent): EventView {
  const e = obj(event as unknown) ?? {};
  const platform = str(e.platform) ?? 'other';
  const logentry = obj(e.logentry);
  const messageObj = obj(e.message);
  const template = obj(e.template);
  return {
    platform,
    family: familyOf(platform),
    exceptions: exceptionEntries(e.exception).map((x) => exceptionView(x, platform)),
    threads: arr(obj(e.threads)?.values).map((t) => framesOf(obj(t)?.stacktrace, platform)),
    stacktrace: framesOf(e.stacktrace, platform),
    messageTemplate: str(logentry?.message) ?? str(messageObj?.message),
    messageFormatted: str(logentry?.formatted) ?? str(e.message) ?? str(messageObj?.formatted),
    fingerprint: fingerprintOf(e.fingerprint),
    level: str(e.level),
    logger: str(e.logger),
    transaction: str(e.transaction),
    release: str(e.release),
    sdkName: str(obj(e.sdk)?.name),
    tags: tagsOf(e.tags),
    security: securityOf(e),
    template: template === undefined ? null : { file: str(template.abs_path) ?? str(template.filename), contextLine: str(template.context_line) },
  };
}
