import type { Frame } from '../../normalize/index.js';
import type { MappedToken } from './parse-source-map.js';
import { displayFilename, generateModule, hasModuleScheme, inAppAfterMapping } from './source-urls.js';

export const CONTEXT_LINES = 5;

export type ResolvedWith = 'debug-id' | 'release';

/** Everything decided about one frame before it is rewritten. */
export interface FrameResolution {
  token: MappedToken;
  /** the source's URL (resolved against the map's URL) */
  sourceUrl: string;
  /** the map's URL as uploaded (shown in `data.sourcemap`) */
  mapUrl: string;
  resolvedWith: ResolvedWith;
  functionName: string | undefined;
  /** lines of the original source, when known */
  lines: readonly string[] | null;
}

/** `pre_context` / `context_line` / `post_context` around a 0-based line, as Sentry cuts them. */
export function contextAround(lines: readonly string[], line: number, n = CONTEXT_LINES): { pre: string[]; line: string; post: string[] } | null {
  if (line < 0 || line >= lines.length) return null;
  return { pre: lines.slice(Math.max(0, line - n), line), line: lines[line] as string, post: lines.slice(line + 1, line + 1 + n) };
}

/**
 * Rewrites a frame to its original location (docs/releases.md › Source maps), keeping what it was in
 * `data.orig_*` as Sentry does. Context lines are replaced (the SDK's, if any, were of the
 * minified file) or removed when the original source is unknown.
 */
export function applyResolution(frame: Frame, r: FrameResolution): void {
  const data = { ...frame.data };
  if (frame.abs_path !== undefined) data.orig_abs_path = frame.abs_path;
  if (frame.filename !== undefined) data.orig_filename = frame.filename;
  if (frame.lineno !== undefined) data.orig_lineno = frame.lineno;
  if (frame.colno !== undefined) data.orig_colno = frame.colno;
  if (frame.function !== undefined) data.orig_function = frame.function;
  if (frame.module !== undefined) data.orig_module = frame.module;
  data.sourcemap = r.mapUrl;
  data.resolved_with = r.resolvedWith;
  data.symbolicated = true;

  const filename = displayFilename(r.sourceUrl);
  frame.abs_path = r.sourceUrl;
  frame.filename = filename;
  frame.lineno = r.token.line + 1;
  frame.colno = r.token.column + 1;
  if (r.functionName !== undefined) frame.function = r.functionName;
  // The SDK's module described the bundle; only URL-served sources get one generated (Sentry).
  if (hasModuleScheme(r.sourceUrl)) frame.module = generateModule(r.sourceUrl);
  else delete frame.module;
  frame.in_app = inAppAfterMapping(r.sourceUrl, filename, frame.in_app);
  const context = r.lines ? contextAround(r.lines, r.token.line) : null;
  if (context) {
    frame.pre_context = context.pre;
    frame.context_line = context.line;
    frame.post_context = context.post;
  } else {
    delete frame.pre_context;
    delete frame.context_line;
    delete frame.post_context;
  }
  frame.data = data;
}
