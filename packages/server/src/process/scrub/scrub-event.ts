import type { JsonObject } from '@faultline/protocol';
import type { Breadcrumb, EventRequest, Frame, NormalizedEvent, Stacktrace } from '../normalize/index.js';
import { keyRulesFor } from './key-rules.js';
import type { ScrubSettings } from './scrub-settings.js';
import { type Scrubber, scrubObject, scrubPairs, scrubText, scrubValue } from './scrub-value.js';

export interface ScrubResult {
  /** The same object that was passed in, scrubbed in place. */
  readonly event: NormalizedEvent;
  /** Values replaced or removed. */
  readonly scrubbedCount: number;
}

/**
 * Server-side data scrubbing, before anything is stored (Sentry's default data scrubber).
 * Scrubs IN PLACE — normalize's output shares nothing with the raw payload, so mutating it is
 * the one copy the pipeline can afford — and is idempotent. Covered: every free-form bag
 * (extra, contexts, request data/env, user data, breadcrumb data, frame vars, span data,
 * mechanism data, CSP report) by key name; headers, cookies (all values), query strings and
 * tags as pairs; every human-readable string (title, culprit, messages, exception values,
 * URLs, source context lines, transaction and span names) by text patterns. Left alone:
 * ids, timestamps, paths and function names of frames, SDK/module lists, debug_meta, _meta.
 */
export function scrubEvent(event: NormalizedEvent, settings: ScrubSettings): ScrubResult {
  if (!settings.enabled && !settings.scrubIpAddresses) return { event, scrubbedCount: 0 };
  const s: Scrubber = { rules: keyRulesFor(settings), patterns: settings.enabled, count: 0 };

  event.title = scrubText(event.title, s) ?? '';
  event.culprit = scrubText(event.culprit, s) ?? '';
  const metadata = event.metadata;
  if (metadata.value !== undefined) metadata.value = scrubText(metadata.value, s);
  if (metadata.title !== undefined) metadata.title = scrubText(metadata.title, s);
  if (event.transaction !== undefined) event.transaction = scrubText(event.transaction, s);
  if (event.logentry !== undefined) {
    const entry = event.logentry;
    entry.formatted = scrubText(entry.formatted, s) ?? '';
    if (entry.message !== undefined) entry.message = scrubText(entry.message, s);
    if (entry.params !== undefined) entry.params = scrubValue(entry.params, s);
  }
  for (const exception of event.exception?.values ?? []) {
    if (exception.value !== undefined) exception.value = scrubText(exception.value, s);
    if (exception.mechanism?.data !== undefined) scrubObject(exception.mechanism.data, s);
    if (exception.mechanism?.meta !== undefined) scrubObject(exception.mechanism.meta, s);
    scrubStacktrace(exception.stacktrace, s);
  }
  for (const thread of event.threads?.values ?? []) scrubStacktrace(thread.stacktrace, s);
  scrubStacktrace(event.stacktrace, s);
  for (const crumb of event.breadcrumbs?.values ?? []) scrubBreadcrumb(crumb, s);
  if (event.user !== undefined) {
    if (settings.scrubIpAddresses && event.user.ip_address !== undefined) {
      delete event.user.ip_address;
      s.count++;
    }
    if (event.user.data !== undefined) scrubObject(event.user.data, s);
    // Normalize never stores an empty user; keep it that way.
    if (Object.keys(event.user).length === 0) delete event.user;
  }
  if (event.request !== undefined) scrubRequest(event.request, s);
  if (event.contexts !== undefined) scrubObject(event.contexts, s);
  scrubPairs(event.tags, s);
  if (event.extra !== undefined) scrubObject(event.extra, s);
  for (const span of event.spans ?? []) {
    if (span.description !== undefined) span.description = scrubText(span.description, s);
    if (span.data !== undefined) scrubObject(span.data, s);
    if (span.tags !== undefined) scrubObject(span.tags, s);
  }
  if (event.csp !== undefined) scrubObject(event.csp, s);
  return { event, scrubbedCount: s.count };
}

function scrubStacktrace(stacktrace: Stacktrace | undefined, s: Scrubber): void {
  if (stacktrace === undefined) return;
  for (const frame of stacktrace.frames) scrubFrame(frame, s);
  if (stacktrace.registers !== undefined) scrubObject(stacktrace.registers, s);
}

function scrubFrame(frame: Frame, s: Scrubber): void {
  if (frame.vars !== undefined) scrubObject(frame.vars, s);
  if (!s.patterns) return;
  // Source lines can hold hard-coded credentials (`password = "hunter2"`).
  if (frame.context_line !== undefined) frame.context_line = scrubText(frame.context_line, s);
  scrubLines(frame.pre_context, s);
  scrubLines(frame.post_context, s);
}

function scrubLines(lines: string[] | undefined, s: Scrubber): void {
  if (lines === undefined) return;
  for (let i = 0; i < lines.length; i++) lines[i] = scrubText(lines[i], s) ?? '';
}

function scrubBreadcrumb(crumb: Breadcrumb, s: Scrubber): void {
  if (crumb.message !== undefined) crumb.message = scrubText(crumb.message, s);
  if (crumb.data !== undefined) scrubObject(crumb.data, s);
}

function scrubRequest(request: EventRequest, s: Scrubber): void {
  if (request.url !== undefined) request.url = scrubText(request.url, s);
  if (request.fragment !== undefined) request.fragment = scrubText(request.fragment, s);
  if (request.query_string !== undefined) scrubPairs(request.query_string, s);
  if (request.headers !== undefined) scrubPairs(request.headers, s);
  // Cookies are credentials by nature (session ids under any name): all values go, safe names excepted.
  if (request.cookies !== undefined) scrubPairs(request.cookies, s, s.patterns);
  if (request.data !== undefined) request.data = scrubValue(request.data, s);
  if (request.env !== undefined) scrubObject(request.env as JsonObject, s);
}
