import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonValue } from '@faultline/protocol';
import type { Span } from '../spans/index.js';
import { detectConsecutiveHttp } from './consecutive-http.js';
import { consecutiveHttpCalls, segmentBatch, span } from './detector-spans.test-support.js';
import { DEFAULT_DETECTOR_SETTINGS } from './settings.js';

const SETTINGS = DEFAULT_DETECTOR_SETTINGS.consecutiveHttp;

function call(id: string, description: string, startMs: number, durationMs: number, data?: Record<string, JsonValue>): Span {
  return span({ id, op: 'http.client', description, startMs, durationMs, data });
}

/** Three calls of `durationMs`, `gapMs` apart, to the given URLs (one host unless said). */
function three(
  durationMs = 1000,
  gapMs = 10,
  urls = ['https://api.example.com/users/1', 'https://api.example.com/orders/7', 'https://api.example.com/prices/3'],
): Span[] {
  return urls.map((url, i) => call(`c${i}`, `GET ${url}`, i * (durationMs + gapMs), durationMs));
}

function detect(spans: Span[], options: Parameters<typeof segmentBatch>[1] = {}, settings = SETTINGS) {
  return detectConsecutiveHttp(segmentBatch(spans, options), settings);
}

describe('consecutive HTTP', () => {
  it('three sequential 1 s calls (2 s to save by running them together) are one problem', () => {
    const problems = detect(three());
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.ok(problem);
    assert.equal(problem.type, 1009);
    assert.equal(problem.typeName, 'performance_consecutive_http');
    assert.equal(problem.title, 'Consecutive HTTP');
    assert.deepEqual(problem.offenderSpanIds, ['c0', 'c1', 'c2']);
    assert.equal(problem.evidenceData.op, 'http');
    assert.equal(problem.evidenceData.numberRepeatingSpans, '3');
    assert.equal(problem.evidenceData.repeatingSpans, 'http.client - GET https://api.example.com/users/1');
    assert.deepEqual(problem.evidenceDisplay, [{ name: 'Offending Spans', value: 'http - GET https://api.example.com/users/1', important: true }]);
  });

  it('less than 2 s to save is not worth reporting', () => {
    assert.deepEqual(detect(three(999)), []);
  });

  it('calls that overlap already run in parallel', () => {
    const overlapping = three(1000, 10).map((s, i) => call(s.spanId, s.description, i * 500, 1000));
    assert.deepEqual(detect(overlapping), []);
  });

  it('more than 500 ms between two calls breaks the sequence', () => {
    assert.equal(detect(three(1000, 500)).length, 1);
    assert.deepEqual(detect(three(1000, 501)), []);
  });

  it('needs three calls of at least 500 ms each; shorter calls in between are ignored', () => {
    const two = three(3000).slice(0, 2);
    assert.deepEqual(detect(two), []);
    const withShort = [...three(), call('short', 'GET https://api.example.com/ping', 1005, 4)];
    assert.deepEqual(detect(withShort)[0]?.offenderSpanIds, ['c0', 'c1', 'c2']);
    // with nothing to save required, only the 500 ms per call stands between these and a problem
    assert.deepEqual(detect(three(499, 1), {}, { ...SETTINGS, minTimeSavedMs: 0 }), []);
    assert.equal(detect(three(500, 1), {}, { ...SETTINGS, minTimeSavedMs: 0 }).length, 1);
  });

  it('reads the sequence across the whole segment, not per parent', () => {
    const nested = three().map((s, i) => ({ ...s, parentSpanId: i === 1 ? 'fn' : s.parentSpanId }));
    const fn = span({ id: 'fn', op: 'function', description: 'loadOrders', startMs: 1000, durationMs: 1020 });
    assert.equal(detect([fn, ...nested]).length, 1);
  });

  it('only GET, POST, PUT, PATCH and DELETE, and not Next.js assets', () => {
    const options = three().map((s) => ({ ...s, description: s.description.replace('GET', 'OPTIONS') }));
    assert.deepEqual(detect(options), []);
    const next = three(1000, 10, [
      'https://app.example.com/_next/data/a.json',
      'https://app.example.com/_next/data/b.json',
      'https://app.example.com/_next/data/c.json',
    ]);
    assert.deepEqual(detect(next), []);
  });

  it('not for browsers; mobile apps are in scope', () => {
    assert.deepEqual(detect(three(), { rootOp: 'pageload', sdkName: 'sentry.javascript.browser' }), []);
    assert.deepEqual(detect(three(), { rootOp: 'navigation', sdkName: null }), []);
    assert.equal(detect(three(), { rootOp: 'navigation', sdkName: 'sentry.javascript.react-native' }).length, 1);
    assert.equal(detect(three(), { rootOp: 'ui.load', sdkName: 'sentry.cocoa' }).length, 1);
  });

  it('calls to three or more hosts are left alone, as Sentry does; two hosts are reported', () => {
    const threeHosts = three(1000, 10, ['https://a.example.com/x', 'https://b.example.com/y', 'https://c.example.com/z']);
    assert.deepEqual(detect(threeHosts), []);
    const twoHosts = three(1000, 10, ['https://a.example.com/x', 'https://b.example.com/y', 'https://a.example.com/z']);
    assert.equal(detect(twoHosts).length, 1);
  });

  it("an AI agent's calls depend on each other's answers and are left alone", () => {
    const agent = span({ id: 'agent', op: 'gen_ai.invoke_agent', description: 'invoke_agent planner', startMs: 0, durationMs: 4000 });
    const underAgent = three().map((s) => ({ ...s, parentSpanId: 'agent' }));
    assert.deepEqual(detect([agent, ...underAgent]), []);
    assert.equal(detect([agent, ...three()]).length, 1);
  });

  it('a host scrubbed away cannot be told apart, so such calls do not count', () => {
    const scrubbed = three(1000, 10, ['https://[Filtered]/x', 'https://[Filtered]/y', 'https://[Filtered]/z']);
    assert.deepEqual(detect(scrubbed), []);
  });

  it('prefers the URL the SDK put in the span data to the description', () => {
    const scrubbedDescriptions = three().map((s) => ({ ...s, description: 'GET https://[Filtered]/', data: { url: `https://api.example.com/${s.spanId}` } }));
    assert.equal(detect(scrubbedDescriptions).length, 1);
  });

  it('fingerprint: other ids in the same calls on the same route are the same problem; another route or endpoint is not', () => {
    const fingerprint = (spans: Span[], name?: string) => {
      const [problem] = detect(spans, { name });
      assert.ok(problem);
      return problem.fingerprint;
    };
    const base = fingerprint(three());
    assert.equal(
      fingerprint(three(1500, 20, ['https://api.example.com/users/99', 'https://api.example.com/orders/123', 'https://api.example.com/prices/8'])),
      base,
    );
    assert.equal(
      fingerprint(consecutiveHttpCalls(3, 0, 1000, 'https://api.example.com/prices/3')),
      fingerprint(consecutiveHttpCalls(4, 0, 1000, 'https://api.example.com/prices/4')),
    );
    assert.notEqual(fingerprint(three(), 'GET /teams/:id'), base);
    assert.notEqual(
      fingerprint(three(1000, 10, ['https://api.example.com/users/1', 'https://api.example.com/orders/7', 'https://api.example.com/stock/3'])),
      base,
    );
  });
});
