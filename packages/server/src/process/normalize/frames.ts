import { copyObjectBag } from './copy-bag.js';
import { BAG_LIMITS, COUNT_LIMITS, STRING_LIMITS } from './limits.js';
import type { Frame, Stacktrace } from './normalized-event.js';
import type { Notes } from './processing-notes.js';
import { isRecord, jsonTypeOf, put, readBoolean, readCount, readString } from './read-json.js';

/**
 * A stack trace: `{frames: [...]}` (or a bare frame list). Frames stay oldest-first (crashing
 * frame last: Sentry developer docs, Event Payloads › Stack Trace Interface). Non-object frames are dropped; an
 * empty result means no stack trace. Over COUNT_LIMITS.frames, the middle is dropped and recorded in
 * `frames_omitted` as Sentry does (the outermost callers and the crash site are what people read).
 */
export function normalizeStacktrace(value: unknown, notes: Notes, path: string): Stacktrace | undefined {
  if (value === undefined || value === null) return undefined;
  const rawFrames = Array.isArray(value) ? value : isRecord(value) ? value.frames : value;
  if (rawFrames === undefined || rawFrames === null) return undefined;
  if (!Array.isArray(rawFrames)) {
    notes.invalid(`${path}.frames`, `expected an array, got ${jsonTypeOf(rawFrames)}`);
    return undefined;
  }
  const max = COUNT_LIMITS.frames;
  let omitted: [number, number] | undefined;
  let indices: number[] | undefined;
  if (rawFrames.length > max) {
    const head = Math.floor(max / 2);
    omitted = [head, rawFrames.length - (max - head)];
    indices = [];
    for (let i = 0; i < head; i++) indices.push(i);
    for (let i = omitted[1]; i < rawFrames.length; i++) indices.push(i);
    notes.trimmed(`${path}.frames`, `kept ${max} of ${rawFrames.length} frames (dropped the middle)`);
  }
  const frames: Frame[] = [];
  let skipped = 0;
  const count = indices === undefined ? rawFrames.length : indices.length;
  for (let n = 0; n < count; n++) {
    const i = indices === undefined ? n : (indices[n] as number);
    const raw: unknown = rawFrames[i];
    if (isRecord(raw)) frames.push(normalizeFrame(raw, notes, `${path}.frames.${i}`));
    else skipped++;
  }
  if (skipped > 0) notes.invalid(`${path}.frames`, `${skipped} frame(s) that were not objects removed`);
  if (frames.length === 0) return undefined;
  const stacktrace: Stacktrace = { frames };
  put(stacktrace, 'frames_omitted', omitted);
  if (isRecord(value)) put(stacktrace, 'registers', copyObjectBag(value.registers, BAG_LIMITS.small, notes, `${path}.registers`));
  return stacktrace;
}

function normalizeFrame(raw: Record<string, unknown>, notes: Notes, path: string): Frame {
  const sym = STRING_LIMITS.symbol;
  const filename = readString(raw.filename, notes, `${path}.filename`, STRING_LIMITS.url);
  const absPath = readString(raw.abs_path, notes, `${path}.abs_path`, STRING_LIMITS.url);
  const module = readString(raw.module, notes, `${path}.module`, sym);
  const sdkInApp = readBoolean(raw.in_app, notes, `${path}.in_app`);
  const frame: Frame = { in_app: sdkInApp ?? isInAppPath(absPath ?? filename) };
  put(frame, 'filename', filename);
  put(frame, 'abs_path', absPath);
  put(frame, 'function', readString(raw.function, notes, `${path}.function`, sym));
  put(frame, 'raw_function', readString(raw.raw_function, notes, `${path}.raw_function`, sym));
  put(frame, 'module', module);
  put(frame, 'package', readString(raw.package, notes, `${path}.package`, sym));
  put(frame, 'platform', readString(raw.platform, notes, `${path}.platform`, STRING_LIMITS.short));
  put(frame, 'lineno', readCount(raw.lineno, notes, `${path}.lineno`));
  put(frame, 'colno', readCount(raw.colno, notes, `${path}.colno`));
  put(frame, 'context_line', readContextLine(raw.context_line, notes, `${path}.context_line`));
  put(frame, 'pre_context', readContextLines(raw.pre_context, notes, `${path}.pre_context`, 'last'));
  put(frame, 'post_context', readContextLines(raw.post_context, notes, `${path}.post_context`, 'first'));
  put(frame, 'vars', copyObjectBag(raw.vars, BAG_LIMITS.frameVars, notes, `${path}.vars`));
  put(frame, 'symbol', readString(raw.symbol, notes, `${path}.symbol`, sym));
  put(frame, 'instruction_addr', readAddress(raw.instruction_addr, notes, `${path}.instruction_addr`));
  put(frame, 'symbol_addr', readAddress(raw.symbol_addr, notes, `${path}.symbol_addr`));
  put(frame, 'image_addr', readAddress(raw.image_addr, notes, `${path}.image_addr`));
  put(frame, 'addr_mode', readString(raw.addr_mode, notes, `${path}.addr_mode`, STRING_LIMITS.short));
  put(frame, 'data', copyObjectBag(raw.data, BAG_LIMITS.small, notes, `${path}.data`));
  return frame;
}

function readContextLine(value: unknown, notes: Notes, path: string): string | undefined {
  // An empty source line is still a line; keep it.
  if (value === '') return '';
  return readString(value, notes, path, STRING_LIMITS.contextLine);
}

function readContextLines(value: unknown, notes: Notes, path: string, keep: 'first' | 'last'): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    notes.invalid(path, `expected an array, got ${jsonTypeOf(value)}`);
    return undefined;
  }
  const max = COUNT_LIMITS.contextLines;
  // pre_context ends at the crashing line, post_context starts after it: keep the near side.
  const from = keep === 'last' ? Math.max(0, value.length - max) : 0;
  const to = Math.min(value.length, from + max);
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const line: unknown = value[i];
    // Python sends None for lines it could not read; they are blank lines to a reader.
    lines.push(typeof line === 'string' ? (readContextLine(line, notes, path) ?? '') : '');
  }
  return lines.length === 0 ? undefined : lines;
}

/** Native addresses are hex strings; some SDKs send numbers. */
function readAddress(value: unknown, notes: Notes, path: string): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return `0x${value.toString(16)}`;
  return readString(value, notes, path, STRING_LIMITS.short);
}

// Paths that are library or runtime code for the platforms we see (like Sentry's built-in
// stack trace rules): dependencies, Node internals, Python's stdlib and packages, browser extensions and
// pseudo-files. Used only when the SDK did not say.
const NOT_IN_APP =
  /(?:^|[\\/])(?:node_modules|site-packages|dist-packages|bower_components)[\\/]|^node:|^internal[\\/]|[\\/]lib[\\/]python\d+(?:\.\d+)?[\\/]|^(?:<anonymous>|\[native code\]|native|<unknown>|eval code)$|^(?:chrome|moz|safari(?:-web)?)-extension:|^webpack:\/\/\/(?:\(webpack\)|webpack\/bootstrap)/i;

/** The in-app heuristic for frames without an SDK flag: known, non-library code only. */
export function isInAppPath(path: string | undefined): boolean {
  if (path === undefined) return false;
  return !NOT_IN_APP.test(path);
}
