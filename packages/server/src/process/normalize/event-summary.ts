import { STRING_LIMITS } from './limits.js';
import type { EventMetadata, EventType, ExceptionValue, Frame, NormalizedEvent } from './normalized-event.js';
import { truncate } from './read-json.js';

export type SummaryInput = Omit<NormalizedEvent, 'type' | 'title' | 'culprit' | 'metadata'>;

export interface EventSummary {
  readonly type: EventType;
  readonly title: string;
  readonly culprit: string;
  readonly metadata: EventMetadata;
}

/** Sentry truncates the value part of titles to 100 characters (`truncatechars`). */
const TITLE_VALUE_LENGTH = 100;
const METADATA_VALUE_LENGTH = 1024;
const NATIVE_PLATFORMS = new Set(['native', 'cocoa', 'objc']);
const NO_FUNCTION = new Set(['<redacted>', '<unknown>']);

/**
 * Type, title, culprit and metadata as Sentry derives them (sentry/eventtypes/*.py and
 * sentry/culprit.py), with two deliberate differences, both in favour of what users read:
 * - a synthetic main exception (JS 11 `captureMessage`, docs/wire-format.md › Event payloads) is titled by its message,
 *   not by the crash frame's function name;
 * - the culprit is the top in-app frame first, then `transaction`, then the request URL
 *   (Sentry puts `transaction` first; our issue spec asks for the frame).
 */
export function summarizeEvent(event: SummaryInput, itemType: 'event' | 'transaction'): EventSummary {
  if (itemType === 'transaction') {
    const name = event.transaction;
    return { type: 'transaction', title: name ?? '<unlabeled transaction>', culprit: name ?? '', metadata: name ? { title: name } : {} };
  }
  const values = event.exception?.values;
  if (values !== undefined && values.length > 0) return summarizeError(event, values);
  if (event.csp !== undefined) return summarizeCsp(event);
  const message = event.logentry?.formatted;
  const title = message === undefined ? '' : truncate(firstLine(message), TITLE_VALUE_LENGTH);
  return {
    type: 'default',
    title: title || '<unlabeled event>',
    culprit: culpritOf(event, undefined),
    metadata: title ? { title } : {},
  };
}

function summarizeError(event: SummaryInput, values: readonly ExceptionValue[]): EventSummary {
  const main = mainException(values);
  const synthetic = main.mechanism?.synthetic === true;
  const metadata: EventMetadata = {};
  if (main.value !== undefined) metadata.value = truncate(main.value, METADATA_VALUE_LENGTH);
  if (!synthetic) metadata.type = main.type ?? 'Error';
  const crash = crashFrame(main.stacktrace?.frames ?? event.stacktrace?.frames ?? threadFrames(event));
  if (crash?.filename ?? crash?.abs_path) metadata.filename = crash?.filename ?? crash?.abs_path;
  if (crash?.function) metadata.function = crash.function;

  const valueLine = main.value === undefined ? '' : truncate(firstLine(main.value), TITLE_VALUE_LENGTH);
  let title: string;
  if (metadata.type !== undefined) title = valueLine ? `${metadata.type}: ${valueLine}` : metadata.type;
  else {
    const message = event.logentry?.formatted;
    title = (message === undefined ? '' : truncate(firstLine(message), TITLE_VALUE_LENGTH)) || valueLine;
  }
  if (title === '') title = metadata.function ?? '<unknown>';

  const stackValues = values.filter((v) => v.stacktrace !== undefined);
  const frames = synthetic ? undefined : stackValues[stackValues.length - 1]?.stacktrace?.frames;
  return { type: 'error', title, culprit: culpritOf(event, frames, synthetic), metadata };
}

/** The exception the event is about: the last one, skipping exception-group containers. */
function mainException(values: readonly ExceptionValue[]): ExceptionValue {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] as ExceptionValue;
    if (v.mechanism?.is_exception_group !== true) return v;
  }
  return values[values.length - 1] as ExceptionValue;
}

/** Sentry's crash location: the last in-app frame with a usable function, else the last such frame. */
function crashFrame(frames: readonly Frame[] | undefined): Frame | undefined {
  if (frames === undefined) return undefined;
  let fallback: Frame | undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i] as Frame;
    if (f.function === undefined || NO_FUNCTION.has(f.function)) continue;
    if (f.in_app) return f;
    fallback ??= f;
  }
  return fallback;
}

function threadFrames(event: SummaryInput): readonly Frame[] | undefined {
  const threads = event.threads?.values;
  if (threads === undefined) return undefined;
  const thread = threads.find((t) => t.crashed) ?? threads.find((t) => t.current) ?? (threads.length === 1 ? threads[0] : undefined);
  return thread?.stacktrace?.frames;
}

function culpritOf(event: SummaryInput, frames: readonly Frame[] | undefined, synthetic = false): string {
  const fromFrames = synthetic ? '' : stackCulprit(frames ?? event.stacktrace?.frames ?? threadFrames(event), event.platform);
  const culprit = fromFrames || event.transaction || (synthetic ? '' : event.request?.url) || '';
  return truncate(culprit, STRING_LIMITS.culprit);
}

/** sentry/culprit.py get_stacktrace_culprit: the newest in-app frame, else the newest frame. */
function stackCulprit(frames: readonly Frame[] | undefined, platform: string): string {
  if (frames === undefined) return '';
  let fallback: string | undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i] as Frame;
    if (frame.in_app) {
      const culprit = frameCulprit(frame, platform);
      if (culprit) return culprit;
    } else fallback ??= frameCulprit(frame, platform);
  }
  return fallback ?? '';
}

/** `fn(module)` for JS, `module in fn` elsewhere, just `fn` for native (get_frame_culprit). */
export function frameCulprit(frame: Frame, eventPlatform: string): string {
  const platform = frame.platform ?? eventPlatform;
  const fn = frame.function ?? '?';
  if (NATIVE_PLATFORMS.has(platform)) return fn;
  const location = frame.module ?? frame.filename;
  if (location === undefined) return '';
  return platform === 'javascript' || platform === 'node' ? `${fn}(${location})` : `${location} in ${fn}`;
}

const CSP_KINDS: Readonly<Record<string, string>> = {
  'child-src': 'child',
  'connect-src': 'connect',
  'font-src': 'font',
  'form-action': 'form',
  'frame-src': 'frame',
  'img-src': 'image',
  'manifest-src': 'manifest',
  'media-src': 'media',
  'object-src': 'object',
  'script-src': 'script',
  'script-src-elem': 'script',
  'style-src': 'style',
  'style-src-elem': 'style',
  'worker-src': 'worker',
};

/** Sentry's CSP title: `Blocked 'script' from 'example.com'` (sentry/interfaces/security.py). */
function summarizeCsp(event: SummaryInput): EventSummary {
  const csp = event.csp ?? {};
  const directiveRaw = typeof csp.effective_directive === 'string' ? csp.effective_directive : csp.violated_directive;
  const directive = typeof directiveRaw === 'string' ? (directiveRaw.trim().split(/\s+/)[0] ?? '') : '';
  const kind = CSP_KINDS[directive] ?? (directive || 'resource');
  const blocked = typeof csp.blocked_uri === 'string' ? csp.blocked_uri : '';
  let title: string;
  if (blocked === 'inline') title = `Blocked unsafe inline '${kind}'`;
  else if (blocked === 'eval') title = `Blocked unsafe eval() '${kind}'`;
  else title = `Blocked '${kind}' from '${cspOrigin(blocked)}'`;
  return { type: 'csp', title, culprit: truncate(directive, STRING_LIMITS.culprit), metadata: { title } };
}

function cspOrigin(uri: string): string {
  if (uri === '' || uri === 'self') return "'self'";
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(uri);
  if (m !== null) return m[1] as string;
  return /^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri.slice(0, uri.indexOf(':') + 1) : uri;
}

/** First non-blank line, trailing whitespace removed. */
function firstLine(text: string): string {
  for (const line of text.split('\n', 20)) {
    const trimmed = line.trimEnd();
    if (trimmed.trim() !== '') return trimmed;
  }
  return '';
}
