import type { JsonObject } from '@faultline/protocol';
import type { Rng } from './rng.js';
import { identifier, sourceLines } from './source-lines.js';
import {
  APP_DIRS,
  EXCEPTION_KINDS,
  HTTP_METHODS,
  LIBRARY_FRAMES,
  MECHANISMS,
  NODE_INTERNAL_FRAMES,
  NOUNS,
  PROPERTIES,
  SDKS,
  type Sdk,
  VERBS,
} from './vocabulary.js';

/**
 * One distinct error ("issue to be"): its exception type, message pattern and stack are
 * fixed, so every event drawn from it groups together; only message numbers, users,
 * breadcrumbs, request data and times vary per event, as they do in production.
 */
export interface ErrorType {
  readonly index: number;
  readonly type: string;
  /** Message with `{n}`/`{d}` holes filled per event. */
  readonly messagePattern: string;
  /** Oldest call first, crashing frame last (Sentry's order). */
  readonly frames: readonly JsonObject[];
  /** A `cause` the LinkedErrors integration attaches, for some types. */
  readonly cause: { readonly type: string; readonly value: string; readonly frames: readonly JsonObject[] } | null;
  readonly mechanism: { readonly type: string; readonly handled: boolean };
  readonly level: 'error' | 'fatal' | 'warning';
  readonly route: string;
  readonly method: string;
  /** v8 and v11 differ in context lines (7 vs 5) and in the event's `sdk`. */
  readonly sdk: Sdk;
}

function appFrame(rng: Rng, contextLines: number): JsonObject {
  const dir = rng.pick(APP_DIRS);
  const file = `${rng.pick(NOUNS)}-${rng.pick(['service', 'routes', 'model', 'handler', 'client'])}`;
  return withContext(rng, contextLines, {
    filename: `/app/${dir}/${file}.js`,
    module: `${dir.replace('/', '.')}:${file}`,
    function: rng.chance(0.2) ? '?' : identifier(rng),
    lineno: rng.int(5, 900),
    colno: rng.int(3, 60),
    in_app: true,
  });
}

function libraryFrame(rng: Rng, contextLines: number): JsonObject {
  const f = rng.pick(LIBRARY_FRAMES);
  return withContext(rng, contextLines, { ...f, lineno: rng.int(20, 700), colno: rng.int(3, 40), in_app: false });
}

function internalFrame(rng: Rng): JsonObject {
  return { ...rng.pick(NODE_INTERNAL_FRAMES), lineno: rng.int(20, 600), colno: rng.int(3, 40), in_app: false };
}

// The ContextLines integration reads files on disk, node_modules included; node: internals have no source.
function withContext(rng: Rng, lines: number, frame: JsonObject): JsonObject {
  return { ...frame, pre_context: sourceLines(rng, lines), context_line: sourceLines(rng, 1)[0] ?? '', post_context: sourceLines(rng, lines) };
}

function stack(rng: Rng, count: number, contextLines: number): JsonObject[] {
  const frames: JsonObject[] = [];
  const internals = rng.int(2, 4);
  for (let i = 0; i < internals; i++) frames.push(internalFrame(rng));
  while (frames.length < count - 1) frames.push(rng.chance(0.45) ? libraryFrame(rng, contextLines) : appFrame(rng, contextLines));
  frames.push(appFrame(rng, contextLines));
  return frames;
}

function fillFixedHoles(rng: Rng, template: string): string {
  return template.replaceAll('{noun}', rng.pick(NOUNS)).replaceAll('{prop}', rng.pick(PROPERTIES)).replaceAll('{verb}', rng.pick(VERBS));
}

export function createErrorType(rng: Rng, index: number): ErrorType {
  const sdk = rng.pick(SDKS);
  const contextLines = sdk.contextLines;
  const kind = rng.pick(EXCEPTION_KINDS);
  const mechanism = rng.pick(MECHANISMS);
  const noun = rng.pick(NOUNS);
  const hasCause = rng.chance(0.2);
  return {
    index,
    type: kind.type,
    messagePattern: fillFixedHoles(rng, kind.template),
    frames: stack(rng, rng.int(10, 30), contextLines),
    cause: hasCause ? { type: 'Error', value: fillFixedHoles(rng, 'upstream {noun} {verb} failed'), frames: stack(rng, rng.int(5, 10), contextLines) } : null,
    mechanism,
    level: mechanism.type === 'onuncaughtexception' ? 'fatal' : rng.chance(0.1) ? 'warning' : 'error',
    route: `/api/${noun}s/:id${rng.chance(0.3) ? `/${rng.pick(VERBS)}` : ''}`,
    method: rng.pick(HTTP_METHODS),
    sdk,
  };
}

export function fillMessage(rng: Rng, pattern: string): string {
  return pattern.replaceAll('{n}', String(rng.int(1, 99_999))).replaceAll('{d}', String(rng.int(0, 4)));
}
