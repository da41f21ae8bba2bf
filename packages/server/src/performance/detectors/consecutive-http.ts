import { normalizeUrlName, type Span, type SpanBatch } from '../spans/index.js';
import { PERFORMANCE_GROUP_TYPES, type PerformanceProblem, problemFingerprint, segmentNameOf, spanEvidenceValue } from './performance-problem.js';
import type { DetectorSettings } from './settings.js';
import { overlaps } from './span-tree.js';

/**
 * Consecutive HTTP (Sentry product docs, "Issues › Performance Issues › Consecutive HTTP"):
 * outgoing HTTP calls made one after the other that could have run in parallel. The docs'
 * criteria, each checked here: only backend and mobile segments (a browser interleaves its
 * own work between requests); the calls are `http.client` spans with a GET, POST, PUT, PATCH
 * or DELETE method, not to Next.js' `_next/static/` or `_next/data/`; each lasts at least
 * `minSpanDurationMs`; at least `minSpans` of them run in sequence (none overlaps the one
 * before) with at most `maxGapMs` between two; running them in parallel would save at least
 * `minTimeSavedMs` (their total minus the longest). Other spans in between are ignored: the
 * sequence is read across the whole segment in start order, not per parent.
 */
export function detectConsecutiveHttp(batch: SpanBatch, settings: DetectorSettings['consecutiveHttp']): PerformanceProblem[] {
  if (!settings.enabled || isBrowserSegment(batch)) return [];
  const agentCalls = new Set(batch.spans.filter((span) => span.op.startsWith('gen_ai.')).map((span) => span.spanId));
  const calls: HttpCall[] = [];
  for (const span of batch.spans) {
    if (span.durationMs < settings.minSpanDurationMs) continue;
    // An AI agent's tool and model calls depend on each other's answers: sequential on purpose.
    if (span.parentSpanId !== null && agentCalls.has(span.parentSpanId)) continue;
    const call = httpCallOf(span);
    if (call !== null) calls.push(call);
  }
  calls.sort((a, b) => a.span.start - b.span.start);

  const segmentName = segmentNameOf(batch);
  const found = new Map<string, PerformanceProblem>();
  const report = (sequence: readonly HttpCall[]) => {
    if (!qualifies(sequence, settings)) return;
    const problem = toProblem(sequence, segmentName);
    if (!found.has(problem.fingerprint)) found.set(problem.fingerprint, problem);
  };
  let sequence: HttpCall[] = [];
  for (const call of calls) {
    const last = sequence[sequence.length - 1];
    if (last !== undefined && overlaps(last.span, call.span)) {
      report(sequence);
      sequence = [];
    }
    sequence.push(call);
  }
  report(sequence);
  return [...found.values()];
}

interface HttpCall {
  readonly span: Span;
  readonly method: string;
  readonly host: string;
  /** method and URL with ids in the path as `*`, no query: what the fingerprint is made of */
  readonly key: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const NEXT_JS_ASSETS = ['_next/static/', '_next/data/'];

function httpCallOf(span: Span): HttpCall | null {
  if (span.op !== 'http.client' && !span.op.startsWith('http.client.')) return null;
  const description = span.description.trim();
  const space = description.indexOf(' ');
  const method = (space > 0 ? description.slice(0, space) : '').toUpperCase();
  if (!METHODS.has(method)) return null;
  const url = urlOf(span, space > 0 ? description.slice(space + 1).trim() : '');
  if (url === '' || NEXT_JS_ASSETS.some((asset) => url.includes(asset))) return null;
  const { host, path } = splitUrl(url);
  // A host scrubbed or parameterized away (`[Filtered]`, `*`) cannot tell services apart.
  if (host.includes('[') || host.includes('*') || host.includes('%s')) return null;
  return { span, method, host, key: `${method} ${normalizeUrlName(host === '' ? path : `${host}${path}`)}` };
}

/** The URL the SDK recorded in the span's data (`url`, `http.url`, `url.full`), else the description's. */
function urlOf(span: Span, fromDescription: string): string {
  for (const key of ['url', 'url.full', 'http.url']) {
    const value = span.data[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return fromDescription;
}

/** Host and path of an absolute or relative URL, query and fragment dropped; no regex, no throw. */
function splitUrl(url: string): { host: string; path: string } {
  let rest = url;
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  const scheme = rest.indexOf('://');
  if (scheme < 0) return { host: '', path: rest };
  const afterScheme = rest.slice(scheme + 3);
  const slash = afterScheme.indexOf('/');
  const host = (slash < 0 ? afterScheme : afterScheme.slice(0, slash)).toLowerCase();
  return { host, path: slash < 0 ? '/' : afterScheme.slice(slash) };
}

function qualifies(sequence: readonly HttpCall[], settings: DetectorSettings['consecutiveHttp']): boolean {
  if (sequence.length < settings.minSpans) return false;
  let totalMs = 0;
  let longestMs = 0;
  for (const { span } of sequence) {
    totalMs += span.durationMs;
    longestMs = Math.max(longestMs, span.durationMs);
  }
  if (totalMs - longestMs < settings.minTimeSavedMs) return false;
  for (let i = 1; i < sequence.length; i++) {
    const gapMs = ((sequence[i] as HttpCall).span.start - (sequence[i - 1] as HttpCall).span.end) * 1000;
    // a microsecond of slack: epoch-second timestamps cannot hold an exact 500 ms gap
    if (gapMs > settings.maxGapMs + 1e-3) return false;
  }
  // Calls fanning out to many services are an orchestration step more often than a missed
  // Promise.all; like Sentry, only sequences to one or two hosts are reported.
  return new Set(sequence.map((call) => call.host)).size <= settings.maxHosts;
}

function toProblem(sequence: readonly HttpCall[], segmentName: string): PerformanceProblem {
  const group = PERFORMANCE_GROUP_TYPES.consecutiveHttp;
  const first = (sequence[0] as HttpCall).span;
  const description = first.description.trim();
  const offenderSpanIds = sequence.map((call) => call.span.spanId);
  // Sorted and unique: the same calls in another order, or one of them retried, are the same problem.
  const keys = [...new Set(sequence.map((call) => call.key))].sort();
  return {
    type: group.type,
    typeName: group.typeName,
    title: group.title,
    subtitle: description,
    fingerprint: problemFingerprint(group, segmentName, keys),
    culprit: segmentName,
    parentSpanIds: [],
    causeSpanIds: [],
    offenderSpanIds,
    evidenceData: {
      transactionName: segmentName,
      op: 'http',
      parentSpan: '',
      parentSpanIds: [],
      causeSpanIds: [],
      offenderSpanIds,
      repeatingSpans: spanEvidenceValue(first),
      repeatingSpansCompact: description,
      numberRepeatingSpans: String(offenderSpanIds.length),
      numPatternRepetitions: offenderSpanIds.length,
    },
    evidenceDisplay: [{ name: 'Offending Spans', value: `http - ${description}`, important: true }],
  };
}

/** Browser SDKs that only ever run in a browser; metaframework SDKs are judged by their spans. */
const BROWSER_SDKS = new Set([
  'sentry.javascript.browser',
  'sentry.javascript.react',
  'sentry.javascript.vue',
  'sentry.javascript.angular',
  'sentry.javascript.ember',
  'sentry.javascript.svelte',
  'sentry.javascript.solid',
  'sentry.javascript.gatsby',
]);

/**
 * A browser's segment: a browser SDK, a page load, or spans only a browser records
 * (`browser.*`, `resource.*`). A navigation is a browser's too unless React Native sent it:
 * mobile apps are in scope.
 */
function isBrowserSegment(batch: SpanBatch): boolean {
  const sdk = batch.segment?.sdkName?.toLowerCase() ?? '';
  if (BROWSER_SDKS.has(sdk)) return true;
  const mobile = sdk.includes('react-native');
  return batch.spans.some(
    (span) => span.op === 'pageload' || span.op.startsWith('browser.') || span.op.startsWith('resource.') || (span.op === 'navigation' && !mobile),
  );
}
