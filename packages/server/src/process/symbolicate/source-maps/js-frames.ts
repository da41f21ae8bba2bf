import type { ExceptionValue, Frame, NormalizedEvent, Stacktrace, Thread } from '../../normalize/index.js';
import { normalizeDebugId } from './debug-id.js';

/** A stack the stage may rewrite, and where its untouched copy goes (Sentry's `raw_stacktrace`). */
export interface JsStack {
  readonly path: string;
  readonly stacktrace: Stacktrace;
  /** the exception or thread that owns the stack; null for the event's top-level stack */
  readonly owner: ((ExceptionValue | Thread) & { raw_stacktrace?: Stacktrace }) | null;
}

export interface JsFrame {
  readonly stack: JsStack;
  readonly index: number;
  readonly frame: Frame;
  /** `abs_path ?? filename`: what artifacts are matched against */
  readonly url: string;
}

const JS_PLATFORMS = new Set(['javascript', 'node']);
const NOT_FILES = new Set(['<anonymous>', '[native code]', 'native', 'native code', 'eval code', '<unknown>']);

/** Frames source maps could resolve (docs/releases.md › Source maps): JS platform, a line number, a real file URL. */
export function collectJsFrames(event: NormalizedEvent): JsFrame[] {
  const stacks: JsStack[] = [];
  event.exception?.values.forEach((v, i) => {
    if (v.stacktrace) stacks.push({ path: `exception.values.${i}.stacktrace`, stacktrace: v.stacktrace, owner: v });
  });
  event.threads?.values.forEach((t, i) => {
    if (t.stacktrace) stacks.push({ path: `threads.values.${i}.stacktrace`, stacktrace: t.stacktrace, owner: t });
  });
  if (event.stacktrace) stacks.push({ path: 'stacktrace', stacktrace: event.stacktrace, owner: null });
  const out: JsFrame[] = [];
  for (const stack of stacks) {
    stack.stacktrace.frames.forEach((frame, index) => {
      if (!JS_PLATFORMS.has(frame.platform ?? event.platform) || frame.lineno === undefined) return;
      if (frame.data?.symbolicated === true) return;
      const url = frame.abs_path ?? frame.filename;
      if (url === undefined || NOT_FILES.has(url) || url.startsWith('node:') || url.startsWith('internal/')) return;
      out.push({ stack, index, frame, url });
    });
  }
  return out;
}

/** `debug_meta.images` of type `sourcemap`: frame URL (`code_file`, exact) → debug id. */
export function sourceMapImages(event: NormalizedEvent): Map<string, string> {
  const out = new Map<string, string>();
  const images = event.debug_meta?.images;
  if (!Array.isArray(images)) return out;
  for (const image of images) {
    if (image === null || typeof image !== 'object' || Array.isArray(image)) continue;
    const { type, code_file: codeFile, debug_id: debugId } = image as Record<string, unknown>;
    const id = normalizeDebugId(debugId);
    if (type === 'sourcemap' && typeof codeFile === 'string' && id !== null && !out.has(codeFile)) out.set(codeFile, id);
  }
  return out;
}
