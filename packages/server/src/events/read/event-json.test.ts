import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliCompressSync } from 'node:zlib';
import { normalizeCaptured } from '../../process/normalize/sdk-events.test-support.js';
import { decodeEvent, type EventRow, eventJson, simpleEventJson, type TagsOf } from './event-json.js';
import type { JsonObject } from './json-read.js';

// Stored documents are the pipeline's normalized events (plus `processing`), built here from
// real SDK captures by the real normalizer; the serializer must produce Sentry's API shapes.
const tagsOf: TagsOf = (doc) => (Array.isArray(doc.tags) ? (doc.tags as [string, string][]) : []);

function stored(
  capture: string,
  processing: unknown = { notes: [], grouping: null },
  edit: (event: ReturnType<typeof normalizeCaptured>) => void = () => {},
): { row: EventRow; doc: JsonObject } {
  const event = normalizeCaptured(capture);
  edit(event);
  const json = JSON.stringify({ ...event, processing });
  const row: EventRow = {
    id: 9,
    project_id: 3,
    event_id: event.event_id,
    type: event.type === 'transaction' ? 'transaction' : 'event',
    received_at: event.receivedAt,
    payload_encoding: 'br',
    payload: brotliCompressSync(json),
    dictionary_id: null,
    dictionary: null,
    issue_id: 12,
    timestamp: Math.round(event.timestamp * 1000),
    level: event.level,
    environment: event.environment ?? null,
    release: event.release ?? null,
    user_key: null,
    title: event.title,
  };
  return { row, doc: decodeEvent(row).doc };
}

const entry = (json: { entries: { type: string; data: unknown }[] }, type: string) =>
  json.entries.find((e) => e.type === type)?.data as Record<string, unknown> | undefined;
const nav = { previous: 'a'.repeat(32), next: null };

describe('stored event → Sentry event JSON', () => {
  it('exception frames: camelCase, context lines numbered around lineNo, vars, inApp', () => {
    const { row } = stored('sentry-python-1.9.10/001-errors--store.txt');
    const json = eventJson(row, decodeEvent(row), tagsOf, nav);
    const exception = entry(json, 'exception') as { values: { type: string; value: string; stacktrace: { frames: Record<string, unknown>[] } }[] };
    const thrown = exception.values.at(-1);
    assert.equal(thrown?.type, 'KeyError');
    const frame = thrown?.stacktrace.frames.at(-1) ?? {};
    assert.equal(frame.filename, 'scenario.py');
    assert.equal(frame.absPath, '/app/scenario.py');
    assert.equal(frame.function, 'process_order');
    assert.equal(frame.lineNo, 20);
    assert.equal(frame.inApp, true);
    assert.deepEqual(frame.vars, { order: { id: '7' } });
    const context = frame.context as [number, string][];
    assert.equal(context.length, 11);
    assert.deepEqual(context[0], [15, '    send_default_pii=True,']);
    assert.deepEqual(context[5], [20, '    return order["items"]']);
    assert.deepEqual(context[10], [25, '    set_tag("feature", "checkout")']);
    assert.equal(json.platform, 'python');
    assert.equal(json.groupID, '12');
    assert.equal(json.projectID, '3');
    assert.match(json.eventID, /^[0-9a-f]{32}$/);
    assert.equal(json.previousEventID, nav.previous);
    assert.equal(json.nextEventID, null);
  });

  it('request: url, method, query and headers as pairs, inferred content type', () => {
    const { row } = stored('sentry-node-8.55.2/012-express--envelope-event.txt');
    const request = entry(eventJson(row, decodeEvent(row), tagsOf, nav), 'request') ?? {};
    assert.match(String(request.url), /^http:\/\/127\.0\.0\.1:\d+\/users\/17$/);
    assert.equal(request.method, 'GET');
    assert.deepEqual(request.query, [['verbose', '1']]);
    assert.deepEqual(
      (request.headers as [string, string][]).find(([k]) => k === 'User-Agent'),
      ['User-Agent', 'fixture-client/1.0'],
    );
  });

  it('message and breadcrumbs: formatted message, ISO breadcrumb times; user, release, environment', () => {
    const { row } = stored('sentry-node-11.12.0/003-errors--envelope-event.txt');
    const json = eventJson(row, decodeEvent(row), tagsOf, nav);
    assert.deepEqual(entry(json, 'message'), { formatted: 'Payment provider returned 503', message: null, params: null });
    assert.equal(json.message, 'Payment provider returned 503');
    const crumbs = (entry(json, 'breadcrumbs') as { values: Record<string, unknown>[] }).values;
    assert.deepEqual([crumbs[0]?.category, crumbs[0]?.message, crumbs[0]?.level], ['auth', 'User logged in', 'info']);
    assert.match(String(crumbs[0]?.timestamp), /^2026-11-21T15:30:42\.\d{3}Z$/);
    assert.deepEqual(json.user, { id: '42', email: 'jane@example.com', username: 'jane', ip_address: '203.0.113.7', name: null, geo: null, data: null });
    assert.deepEqual(json.release, { version: 'myapp@1.2.3', shortVersion: 'myapp@1.2.3' });
    assert.equal(json.environment, 'production');
  });

  it('a symbolicated exception exposes its raw stack as camelCase `rawStacktrace`; source-map notes keep their type', () => {
    const note = { type: 'js_no_source', path: 'exception.values.0.stacktrace.frames.0', detail: 'no file was uploaded for https://shop.test/app.min.js' };
    const { row } = stored('sentry-node-11.12.0/004-errors--envelope-event.txt', { notes: [note], grouping: null }, (event) => {
      const value = event.exception?.values[0];
      assert.ok(value?.stacktrace);
      value.raw_stacktrace = {
        frames: [{ abs_path: 'https://shop.test/app.min.js', filename: 'app.min.js', function: 'n', lineno: 1, colno: 512, in_app: true }],
      };
    });
    const json = eventJson(row, decodeEvent(row), tagsOf, nav);
    const values = entry(json, 'exception')?.values as { rawStacktrace: { frames: Record<string, unknown>[] } | null }[];
    const raw = values[0]?.rawStacktrace;
    assert.ok(raw, 'rawStacktrace present');
    assert.equal(raw.frames[0]?.absPath, 'https://shop.test/app.min.js');
    assert.equal(raw.frames[0]?.lineNo, 1);
    assert.equal(raw.frames[0]?.colNo, 512);
    assert.deepEqual(json.errors, [{ type: 'js_no_source', message: note.detail, data: { name: note.path } }]);
    const plain = stored('sentry-node-11.12.0/004-errors--envelope-event.txt');
    const plainValues = entry(eventJson(plain.row, decodeEvent(plain.row), tagsOf, nav), 'exception')?.values as { rawStacktrace: unknown }[];
    assert.equal(plainValues[0]?.rawStacktrace, null);
  });

  it('processing notes become `errors`, grouping hashes `fingerprints`', () => {
    const { row } = stored('sentry-node-11.12.0/004-errors--envelope-event.txt', {
      notes: [{ type: 'trimmed', path: 'breadcrumbs', detail: 'kept the last 100 breadcrumbs' }],
      grouping: { mechanism: 'faultline:2026-11', hashes: ['0123456789abcdef0123456789abcdef'] },
    });
    const json = eventJson(row, decodeEvent(row), tagsOf, nav);
    assert.deepEqual(json.errors, [{ type: 'value_too_long', message: 'kept the last 100 breadcrumbs', data: { name: 'breadcrumbs' } }]);
    assert.deepEqual(json.fingerprints, ['0123456789abcdef0123456789abcdef']);
    assert.deepEqual(json.groupingConfig, { id: 'faultline:2026-11', enhancements: '' });
    assert.ok(json.size > 1000);
  });

  it('transactions: spans entry and start/end timestamps', () => {
    const { row } = stored('sentry-node-11.12.0/010-express-static--envelope-transaction.txt');
    const json = eventJson(row, decodeEvent(row), tagsOf, nav);
    assert.equal(json.type, 'transaction');
    assert.equal((entry(json, 'spans') as unknown as unknown[]).length, 3);
    assert.equal(typeof json.startTimestamp, 'number');
    assert.ok((json.endTimestamp as number) >= (json.startTimestamp as number));
  });

  it('the list form: tags as {key, value} sorted by key, event.type, dates', () => {
    const { row, doc } = stored('sentry-node-11.12.0/004-errors--envelope-event.txt');
    const json = simpleEventJson(row, doc, () => [
      ['zeta', '1'],
      ['alpha', '2'],
    ]);
    assert.deepEqual(json.tags, [
      { key: 'alpha', value: '2' },
      { key: 'zeta', value: '1' },
    ]);
    assert.equal(json['event.type'], 'error');
    assert.equal(json.dateReceived, new Date(row.received_at).toISOString());
    assert.match(json.dateCreated, /^2026-11-21T/);
  });
});
