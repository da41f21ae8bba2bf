import { arr, bool, isoFromSeconds, type Json, type JsonObject, num, obj, pairs, str } from './json-read.js';

/**
 * A stored event's interfaces → Sentry's API `entries` (what Sentry's UI and API clients read):
 * camelCase inside entries, context lines merged into `[[lineNo, line], …]`, breadcrumb
 * timestamps as ISO strings, request query strings and headers as pairs.
 */
export type Entry = { type: string; data: unknown };

export function eventEntries(doc: JsonObject): Entry[] {
  const entries: Entry[] = [];
  const exception = obj(doc.exception);
  if (exception) entries.push({ type: 'exception', data: exceptionData(exception) });
  const logentry = obj(doc.logentry);
  if (logentry)
    entries.push({
      type: 'message',
      data: { formatted: str(logentry.formatted) ?? '', message: str(logentry.message) ?? null, params: logentry.params ?? null },
    });
  const threads = obj(doc.threads);
  if (threads) entries.push({ type: 'threads', data: { values: arr(threads.values).map((t) => threadData(obj(t) ?? {})) } });
  const stacktrace = obj(doc.stacktrace);
  if (stacktrace && !exception) entries.push({ type: 'stacktrace', data: stacktraceData(stacktrace) });
  const breadcrumbs = obj(doc.breadcrumbs);
  if (breadcrumbs) entries.push({ type: 'breadcrumbs', data: { values: arr(breadcrumbs.values).map((b) => breadcrumbData(obj(b) ?? {})) } });
  const request = obj(doc.request);
  if (request) entries.push({ type: 'request', data: requestData(request) });
  if (Array.isArray(doc.spans)) entries.push({ type: 'spans', data: doc.spans });
  const csp = obj(doc.csp);
  if (csp) entries.push({ type: 'csp', data: csp });
  const debugMeta = obj(doc.debug_meta);
  // Sentry's `debugmeta` entry keeps the images as the SDK sent them (debug ids of source maps, native images).
  if (debugMeta) entries.push({ type: 'debugmeta', data: { images: arr(debugMeta.images), sdk_info: obj(debugMeta.sdk_info) ?? null, is_debug_build: null } });
  return entries;
}

function exceptionData(exception: JsonObject) {
  const values = arr(exception.values).map((v) => {
    const e = obj(v) ?? {};
    const st = obj(e.stacktrace);
    return {
      type: str(e.type) ?? null,
      value: str(e.value) ?? null,
      module: str(e.module) ?? null,
      mechanism: obj(e.mechanism) ?? null,
      threadId: e.thread_id ?? null,
      stacktrace: st ? stacktraceData(st) : null,
      rawStacktrace: rawStacktraceData(e),
    };
  });
  return { values, excOmitted: null, hasSystemFrames: values.some((v) => v.stacktrace?.hasSystemFrames === true) };
}

/** The minified stack symbolication replaced (`raw_stacktrace`), in the same camelCase shape as `stacktrace`. */
function rawStacktraceData(owner: JsonObject) {
  const raw = obj(owner.raw_stacktrace);
  return raw ? stacktraceData(raw) : null;
}

export function stacktraceData(st: JsonObject) {
  const frames = arr(st.frames).map((f) => frameData(obj(f) ?? {}));
  const omitted = arr(st.frames_omitted);
  return {
    frames,
    framesOmitted: omitted.length === 2 ? omitted : null,
    registers: obj(st.registers) ?? null,
    // Sentry's UI toggles "full stack trace" only when in-app and system frames are mixed.
    hasSystemFrames: frames.some((f) => !f.inApp) && frames.some((f) => f.inApp),
  };
}

function frameData(f: JsonObject) {
  const lineNo = num(f.lineno) ?? null;
  return {
    filename: str(f.filename) ?? null,
    absPath: str(f.abs_path) ?? null,
    module: str(f.module) ?? null,
    package: str(f.package) ?? null,
    platform: str(f.platform) ?? null,
    instructionAddr: str(f.instruction_addr) ?? null,
    symbolAddr: str(f.symbol_addr) ?? null,
    imageAddr: str(f.image_addr) ?? null,
    function: str(f.function) ?? null,
    rawFunction: str(f.raw_function) ?? null,
    symbol: str(f.symbol) ?? null,
    context: contextLines(f, lineNo),
    lineNo,
    colNo: num(f.colno) ?? null,
    inApp: bool(f.in_app) ?? false,
    trust: null,
    errors: null,
    vars: obj(f.vars) ?? null,
    data: obj(f.data) ?? null,
  };
}

/** pre_context + context_line + post_context with their line numbers (Sentry's `context`). */
function contextLines(f: JsonObject, lineNo: number | null): [number, string][] {
  const line = str(f.context_line);
  if (line === undefined || lineNo === null) return [];
  const pre = arr(f.pre_context).map((l) => str(l) ?? '');
  const post = arr(f.post_context).map((l) => str(l) ?? '');
  return [...pre.map((l, i): [number, string] => [lineNo - pre.length + i, l]), [lineNo, line], ...post.map((l, i): [number, string] => [lineNo + 1 + i, l])];
}

function threadData(t: JsonObject) {
  const st = obj(t.stacktrace);
  return {
    id: t.id ?? null,
    name: str(t.name) ?? null,
    crashed: bool(t.crashed) ?? false,
    current: bool(t.current) ?? false,
    main: bool(t.main) ?? null,
    state: str(t.state) ?? null,
    stacktrace: st ? stacktraceData(st) : null,
    rawStacktrace: rawStacktraceData(t),
  };
}

function breadcrumbData(b: JsonObject) {
  return {
    type: str(b.type) ?? 'default',
    category: str(b.category) ?? null,
    level: str(b.level) ?? 'info',
    message: str(b.message) ?? null,
    data: obj(b.data) ?? null,
    event_id: str(b.event_id) ?? null,
    timestamp: isoFromSeconds(b.timestamp),
  };
}

function requestData(r: JsonObject) {
  const headers = pairs(r.headers);
  const contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
  return {
    url: str(r.url) ?? null,
    method: str(r.method) ?? null,
    query: pairs(r.query_string),
    fragment: str(r.fragment) ?? null,
    data: (r.data ?? null) as Json,
    headers,
    cookies: pairs(r.cookies),
    env: obj(r.env) ?? null,
    inferredContentType: contentType?.split(';')[0]?.trim() ?? (obj(r.data) ? 'application/json' : null),
    apiTarget: null,
  };
}
