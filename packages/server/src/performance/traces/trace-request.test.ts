import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFaultlineError } from '../../kernel/index.js';
import { DEFAULT_WINDOW_MS, parseTraceRequest } from './trace-request.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const now = Date.UTC(2026, 10, 21, 12, 0, 0);

function refused(traceId: string, query: Record<string, string | string[]>): string {
  try {
    parseTraceRequest(traceId, query, now);
  } catch (err) {
    assert.ok(isFaultlineError(err), String(err));
    assert.equal(err.code, 'validation_failed');
    return err.message;
  }
  assert.fail(`accepted ${traceId} ${JSON.stringify(query)}`);
}

describe('parseTraceRequest', () => {
  it('reads the trace id in any case, with or without dashes', () => {
    assert.equal(parseTraceRequest(TRACE.toUpperCase(), {}, now).traceId, TRACE);
    assert.equal(parseTraceRequest('0af76519-16cd-43dd-8448-eb211c80319c', {}, now).traceId, TRACE);
  });

  it('searches 90 days without time parameters, and a relative window up to any time after now', () => {
    assert.deepEqual(parseTraceRequest(TRACE, {}, now), { traceId: TRACE, start: now - DEFAULT_WINDOW_MS, end: Number.POSITIVE_INFINITY });
    assert.equal(parseTraceRequest(TRACE, { statsPeriod: '14d' }, now).start, now - 14 * 86_400_000);
    assert.equal(parseTraceRequest(TRACE, { statsPeriod: '90' }, now).start, now - 90_000, 'no unit is seconds');
  });

  it('reads start and end without an offset as UTC', () => {
    const r = parseTraceRequest(TRACE, { start: '2026-11-20T00:00:00', end: '2026-11-21T01:02:03.456+01:00' }, now);
    assert.equal(r.start, Date.UTC(2026, 10, 20));
    assert.equal(r.end, Date.UTC(2026, 10, 21, 0, 2, 3, 456));
  });

  it('refuses malformed ids and parameters', () => {
    for (const bad of ['', 'abc', '0'.repeat(32), 'g'.repeat(32), `${TRACE}0`, 'x'.repeat(5000)]) assert.match(refused(bad, {}), /trace id/);
    assert.match(refused(TRACE, { statsPeriod: '1y' }), /statsPeriod/);
    assert.match(refused(TRACE, { statsPeriod: ['1d', '2d'] }), /once/);
    assert.match(refused(TRACE, { statsPeriod: '999999999999w' }), /too long/);
    assert.match(refused(TRACE, { start: '2026-11-21T00:00:00Z', end: '2026-11-20T00:00:00Z' }), /after/);
    assert.match(refused(TRACE, { end: '2026-11-20T00:00:00Z' }), /together/);
    assert.match(refused(TRACE, { start: '2026-13-45T99:00:00Z', end: '2026-11-20T00:00:00Z' }), /valid date/);
    assert.match(refused(TRACE, { timestamp: '' }), /timestamp/);
    assert.match(refused(TRACE, { errorId: 'not-an-event' }), /errorId/);
  });

  it('accepts the hints Sentry clients send, and ignores project and limit', () => {
    const r = parseTraceRequest(TRACE, { timestamp: '1795275046.5', errorId: TRACE, project: '-1', limit: '10000' }, now);
    assert.equal(r.traceId, TRACE);
  });
});
