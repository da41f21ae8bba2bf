import type { ExceptionValue, Frame, Stacktrace } from '../../../api/index.js';

/** `file:line:col` as people paste it into an editor. */
export function frameLocation(frame: Frame): string {
  const file = frame.filename || frame.absPath || frame.module || frame.package || '<unknown>';
  const line = frame.lineNo ?? null;
  const col = frame.colNo ?? null;
  return line === null ? file : col === null ? `${file}:${line}` : `${file}:${line}:${col}`;
}

export function frameFunction(frame: Frame): string {
  return frame.function || frame.rawFunction || '<anonymous>';
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A frame whose position was resolved through a source map keeps its original in `data.orig_*`. */
export function isSymbolicated(frame: Frame): boolean {
  const d = frame.data ?? {};
  return d.symbolicated === true || 'orig_abs_path' in d || 'orig_lineno' in d;
}

/** The frame as the SDK sent it (minified position), rebuilt from `data.orig_*`. */
export function rawFrame(frame: Frame): Frame {
  if (!isSymbolicated(frame)) return frame;
  const d = frame.data ?? {};
  return {
    ...frame,
    absPath: str(d.orig_abs_path) ?? frame.absPath ?? null,
    filename: str(d.orig_filename) ?? str(d.orig_abs_path) ?? frame.filename ?? null,
    lineNo: num(d.orig_lineno) ?? frame.lineNo ?? null,
    colNo: num(d.orig_colno) ?? frame.colNo ?? null,
    function: str(d.orig_function) ?? frame.function ?? null,
    context: [],
    vars: null,
  };
}

export function hasRawView(values: readonly ExceptionValue[]): boolean {
  return values.some((v) => v.rawStacktrace || v.stacktrace?.frames.some(isSymbolicated));
}

/** The stack to show: the resolved one, or the raw one (the SDK's own or rebuilt from `orig_*`). */
export function stackFor(value: ExceptionValue, raw: boolean): Stacktrace | null {
  if (!raw) return value.stacktrace ?? null;
  if (value.rawStacktrace) return value.rawStacktrace;
  return value.stacktrace ? { ...value.stacktrace, frames: value.stacktrace.frames.map(rawFrame) } : null;
}

/**
 * Exceptions in reading order: the one actually thrown first (the SDK sends it last),
 * then its causes, each below the exception it caused.
 */
export function chainedOrder(values: readonly ExceptionValue[]): ExceptionValue[] {
  return [...values].reverse();
}

/**
 * Frames newest first (the crashing frame on top, as Sentry shows them), each marked whether it
 * starts expanded: in-app frames open, library and runtime frames closed; when no frame is in-app,
 * the crashing frame opens so there is always code to read.
 */
export function framesForDisplay(stack: Stacktrace, newestFirst = true): { frame: Frame; index: number; expanded: boolean }[] {
  const anyInApp = stack.frames.some((f) => f.inApp === true);
  const last = stack.frames.length - 1;
  const rows = stack.frames.map((frame, index) => ({ frame, index, expanded: frame.inApp === true || (!anyInApp && index === last) }));
  return newestFirst ? rows.reverse() : rows;
}
