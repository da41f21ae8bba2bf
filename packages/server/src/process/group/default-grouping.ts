// The default grouping algorithm (Sentry developer docs, Grouping): strategies in priority order, the first
// one with contributing components wins. Each yields an `app` variant (in-app frames only;
// null when no in-app frame contributes) and a `system` variant (all frames).
//
// One deliberate difference from Sentry: an event with a message whose only stacks were
// attached by the SDK (a synthetic exception — JS 11 captureMessage —, `threads` from
// attach_stacktrace, a top-level `stacktrace`) groups by its message. Otherwise the same
// captureMessage call groups differently per SDK version and per attachStacktrace setting.
import type { EventView, ExceptionView } from './event-view.js';
import { parameterize } from './parameterize.js';
import { type PreparedStack, stackComponents, type Variant } from './stack-component.js';

export type GroupingStrategy = 'exception' | 'security' | 'template' | 'message' | 'threads' | 'stacktrace' | 'fallback';

export interface DefaultGrouping {
  readonly strategy: GroupingStrategy;
  readonly app: readonly string[] | null;
  readonly system: readonly string[];
}

export interface PreparedException {
  readonly view: ExceptionView;
  readonly stack: PreparedStack;
}

export interface PreparedEvent {
  readonly view: EventView;
  /** Aligned with `view.exceptions`. */
  readonly exceptions: readonly (PreparedException | null)[];
  /** Aligned with `view.threads`. */
  readonly threads: readonly (PreparedStack | null)[];
  readonly stacktrace: PreparedStack | null;
}

function exceptionVariant(exceptions: readonly PreparedException[], variant: Variant, dedupe: boolean): { components: string[]; stack: boolean } {
  const components: string[] = [];
  const seen = new Set<string>();
  let stack = false;
  for (const { view, stack: prepared } of exceptions) {
    const frames = stackComponents(prepared, variant);
    const own: string[] = frames ?? [];
    if (view.type !== undefined && !view.synthetic) own.push(`type=${view.type}`);
    if (view.nsError !== undefined) own.push(`ns-error=${view.nsError}`);
    // The message text only matters when there is no usable stack (Sentry developer docs, Grouping).
    if (frames === null && view.value !== undefined) own.push(`value=${parameterize(view.value)}`);
    if (own.length === 0) continue;
    if (dedupe) {
      const key = own.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
    }
    if (frames !== null) stack = true;
    components.push('exception', ...own);
  }
  return { components, stack };
}

function exceptionStrategy(event: PreparedEvent, hasMessage: boolean): DefaultGrouping | null {
  let exceptions = event.exceptions.filter((e): e is PreparedException => e !== null);
  if (exceptions.length === 0 || (hasMessage && exceptions.every((e) => e.view.synthetic))) return null;
  // Exception groups (AggregateError, Python ExceptionGroup): the container says nothing, and
  // N identical children are the same problem as one.
  const grouped = exceptions.some((e) => e.view.isGroup);
  if (grouped) {
    const leaves = exceptions.filter((e) => !e.view.isGroup);
    if (leaves.length > 0) exceptions = leaves;
  }
  const system = exceptionVariant(exceptions, 'system', grouped);
  if (system.components.length === 0) return null;
  const app = exceptionVariant(exceptions, 'app', grouped);
  return { strategy: 'exception', app: app.stack ? app.components : null, system: system.components };
}

function stackStrategy(strategy: 'threads' | 'stacktrace', stack: PreparedStack | null): DefaultGrouping | null {
  if (stack === null) return null;
  const system = stackComponents(stack, 'system');
  if (system === null) return null;
  const app = stackComponents(stack, 'app');
  return { strategy, app: app === null ? null : ['stacktrace', ...app], system: ['stacktrace', ...system] };
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i;

function securityStrategy(view: EventView): DefaultGrouping | null {
  const s = view.security;
  if (s === null) return null;
  const components = [`security=${s.kind}`];
  if (s.directive !== undefined) components.push(`directive=${s.directive.split(' ')[0]}`);
  if (s.uri !== undefined) components.push(`uri=${(URL_HOST.exec(s.uri)?.[1] ?? s.uri).toLowerCase()}`);
  return { strategy: 'security', app: null, system: components };
}

function templateStrategy(view: EventView): DefaultGrouping | null {
  const t = view.template;
  if (t === null || (t.file === undefined && t.contextLine === undefined)) return null;
  const components = ['template'];
  if (t.file !== undefined) components.push(`filename=${t.file.slice(t.file.lastIndexOf('/') + 1)}`);
  if (t.contextLine !== undefined) components.push(`context=${t.contextLine.trim()}`);
  return { strategy: 'template', app: null, system: components };
}

/** The text a message event groups by: the logging template when there is one (Sentry developer docs, Grouping). */
export function messageText(view: EventView): string | undefined {
  return view.messageTemplate ?? view.messageFormatted;
}

export function defaultGrouping(event: PreparedEvent): DefaultGrouping {
  const { view } = event;
  const message = messageText(view);
  const single = view.threads.length === 1 ? (event.threads[0] ?? null) : null;
  return (
    exceptionStrategy(event, message !== undefined) ??
    securityStrategy(view) ??
    templateStrategy(view) ??
    (message !== undefined ? { strategy: 'message', app: null, system: [`message=${parameterize(message)}`] } : null) ??
    stackStrategy('threads', single) ??
    stackStrategy('stacktrace', event.stacktrace) ?? { strategy: 'fallback', app: null, system: ['fallback'] }
  );
}
