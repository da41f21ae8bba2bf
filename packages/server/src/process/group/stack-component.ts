// The stack trace component of the default algorithm (Sentry developer docs, Grouping): what each frame
// contributes, and which frames count in the `app` and `system` variants. Line and column
// numbers never contribute — they are only used to recognize direct recursion.
import type { StackOutcome } from './apply-stack-rules.js';
import type { FrameView } from './event-view.js';
import { hasUrlOrigin, normalizeFilename, normalizeModule } from './frame-names.js';

export type Variant = 'app' | 'system';

/** A stack together with what the stack trace rules decided about it. */
export interface PreparedStack {
  readonly frames: readonly FrameView[];
  readonly outcome: StackOutcome;
  /** `frameParts` of each frame, computed once for both variants. */
  readonly parts: readonly (readonly string[])[];
}

const CONTEXT_PLATFORMS = new Set(['javascript', 'node', 'python', 'php', 'ruby']);
// Longer lines are minified code: one line holds the whole bundle.
const CONTEXT_LINE_MAX = 120;
const JS_IGNORED_PATHS = new Set(['[native code]', 'native code', 'eval code', '<anonymous>']);
const BLANKS = /\s+/g;

function contextLine(f: FrameView, fn: string | undefined, urlOrigin: boolean): string | undefined {
  const line = f.contextLine;
  if (line === undefined || line.length > CONTEXT_LINE_MAX || !CONTEXT_PLATFORMS.has(f.platform)) return undefined;
  if (f.family === 'javascript' && fn === undefined && urlOrigin) return undefined;
  const collapsed = line.trim().replace(BLANKS, ' ');
  return collapsed === '' ? undefined : collapsed;
}

/** The frame's contributing values as `kind=value` strings; empty when it contributes nothing. */
export function frameParts(f: FrameView): string[] {
  const js = f.family === 'javascript';
  const path = f.absPath ?? f.filename;
  const fn = f.normalizedFunction;
  if (js && (fn === 'eval' || (path !== undefined && JS_IGNORED_PATHS.has(path)))) return [];
  const urlOrigin = hasUrlOrigin(path, f.family);
  const parts: string[] = [];
  // A JS module that is just the tail of the path is a path, not a module ("bad javascript module").
  const badJsModule = js && f.module?.includes('/') === true && path?.endsWith(f.module) === true;
  if (f.module !== undefined && !badJsModule) parts.push(`module=${normalizeModule(f.module, f.platform)}`);
  else if (f.filename !== undefined && !urlOrigin) {
    const name = normalizeFilename(f.filename);
    if (name !== '' && name !== '<anonymous>' && name !== '[native code]') parts.push(`filename=${name}`);
  }
  const context = contextLine(f, fn, urlOrigin);
  // After source-map resolution minified names are unreliable; the context line says more.
  if (fn !== undefined && !(js && f.sourcemapped && context !== undefined)) parts.push(`function=${fn}`);
  if (context !== undefined) parts.push(`context=${context}`);
  return parts;
}

function sameFrame(a: FrameView, b: FrameView): boolean {
  return (
    a.function === b.function &&
    a.lineno === b.lineno &&
    a.colno === b.colno &&
    a.module === b.module &&
    a.filename === b.filename &&
    a.absPath === b.absPath &&
    a.package === b.package
  );
}

/** The variant's components (`frame`, then the frame's parts, per frame) or null when the stack does not contribute. */
export function stackComponents(stack: PreparedStack, variant: Variant): string[] | null {
  const { frames, outcome, parts } = stack;
  if (frames.length === 1) {
    // JS: a lone frame without a function name pointing at a URL says nothing about the error.
    const f = frames[0] as FrameView;
    if (f.family === 'javascript' && f.normalizedFunction === undefined && hasUrlOrigin(f.absPath ?? f.filename, f.family)) return null;
  }
  let contributing: (readonly string[])[] = [];
  for (let i = 0; i < frames.length; i++) {
    const state = outcome.frames[i];
    const p = parts[i];
    if (state === undefined || p === undefined || p.length === 0 || !state.group || (variant === 'app' && !state.inApp)) continue;
    if (i > 0 && sameFrame(frames[i] as FrameView, frames[i - 1] as FrameView)) continue;
    contributing.push(p);
  }
  if (outcome.maxFrames !== null) contributing = outcome.maxFrames === 0 ? [] : contributing.slice(-outcome.maxFrames);
  if (contributing.length === 0 || (outcome.minFrames !== null && contributing.length < outcome.minFrames)) return null;
  if (outcome.invert) contributing.reverse();
  const out: string[] = [];
  for (const p of contributing) out.push('frame', ...p);
  return out;
}
