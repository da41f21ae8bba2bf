import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NormalizedEvent, normalizeEvent } from './index.js';

function normalize(raw: Record<string, unknown>, itemType: 'event' | 'transaction' = 'event'): NormalizedEvent {
  const result = normalizeEvent(raw, { receivedAt: Date.UTC(2026, 10, 21), projectId: 1, itemType });
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

const appFrame = (fn: string, file = '/app/src/users.js', module?: string) => ({ function: fn, filename: file, module, lineno: 3 });
const libFrame = (fn: string) => ({ function: fn, filename: '/app/node_modules/express/lib/router.js', lineno: 9 });

describe('title, culprit and metadata (Sentry eventtypes/culprit rules)', () => {
  it('error: `Type: value` from the thrown (last) exception, culprit = newest in-app frame as fn(module)', () => {
    const event = normalize({
      platform: 'node',
      exception: {
        values: [
          { type: 'DatabaseError', value: 'connection reset' },
          {
            type: 'TypeError',
            value: "Cannot read properties of undefined (reading 'name')\n    at getUser (/app/src/users.js:3:9)",
            stacktrace: { frames: [libFrame('handle'), appFrame('getUser', '/app/src/users.js', 'users'), libFrame('next')] },
          },
        ],
      },
    });
    assert.equal(event.type, 'error');
    assert.equal(event.title, "TypeError: Cannot read properties of undefined (reading 'name')");
    assert.equal(event.culprit, 'getUser(users)');
    assert.deepEqual(event.metadata, {
      type: 'TypeError',
      value: "Cannot read properties of undefined (reading 'name')\n    at getUser (/app/src/users.js:3:9)",
      filename: '/app/src/users.js',
      function: 'getUser',
    });
    assert.deepEqual(
      event.exception?.values.map((v) => v.type),
      ['DatabaseError', 'TypeError'],
      'chain order kept: oldest first, thrown last',
    );
  });

  it('python-style culprit is `module in function`; native is just the function', () => {
    const py = normalize({
      platform: 'python',
      exception: {
        values: [{ type: 'KeyError', value: "'x'", stacktrace: { frames: [{ function: 'run', module: 'app.jobs', abs_path: '/srv/app/jobs.py' }] } }],
      },
    });
    assert.equal(py.culprit, 'app.jobs in run');
    const native = normalize({
      platform: 'native',
      exception: { values: [{ type: 'SIGSEGV', stacktrace: { frames: [{ function: 'crash_here', filename: 'main.c', in_app: true }] } }] },
    });
    assert.equal(native.culprit, 'crash_here');
    assert.equal(native.title, 'SIGSEGV');
  });

  it('no in-app frame: the newest frame is the culprit; no frames: transaction, then request URL', () => {
    const lib = normalize({ platform: 'node', exception: { values: [{ type: 'E', stacktrace: { frames: [libFrame('a'), libFrame('b')] } }] } });
    assert.equal(lib.culprit, 'b(/app/node_modules/express/lib/router.js)');
    assert.equal(normalize({ exception: [{ type: 'E' }], transaction: 'GET /x' }).culprit, 'GET /x');
    assert.equal(normalize({ exception: [{ type: 'E' }], request: { url: 'https://ex.com/a?b=1' } }).culprit, 'https://ex.com/a');
  });

  it('a type-less value "Type: message" is split as Relay does; a missing type defaults to Error', () => {
    const split = normalize({ exception: { values: [{ value: 'ValueError: bad input' }] } });
    assert.deepEqual([split.exception?.values[0]?.type, split.title], ['ValueError', 'ValueError: bad input']);
    assert.equal(normalize({ exception: { values: [{ value: 'just text' }] } }).title, 'Error: just text');
    assert.equal(normalize({ exception: { values: [{ type: 'OnlyType' }] } }).title, 'OnlyType');
  });

  it('synthetic exceptions: title from the message, no metadata type, no frame culprit', () => {
    const event = normalize({
      platform: 'javascript',
      message: 'Checkout failed: card declined',
      exception: {
        values: [{ value: 'Checkout failed: card declined', mechanism: { type: 'generic', synthetic: true }, stacktrace: { frames: [appFrame('pay')] } }],
      },
    });
    assert.equal(event.title, 'Checkout failed: card declined');
    assert.equal(event.exception?.values[0]?.type, undefined, 'no type/value split for synthetic exceptions');
    assert.equal(event.metadata.type, undefined);
    assert.equal(event.culprit, '');
  });

  it('exception values: list, single object and {values} shapes; empty entries dropped with a note', () => {
    assert.equal(normalize({ exception: [{ type: 'A', value: 'a' }] }).title, 'A: a');
    assert.equal(normalize({ exception: { type: 'B', value: 'b' } }).title, 'B: b');
    const result = normalizeEvent({ exception: { values: [{}, null, { type: 'C' }] } }, { receivedAt: 0, projectId: 1, itemType: 'event' });
    assert.ok(result.ok);
    if (result.ok) {
      assert.deepEqual(result.event.exception?.values, [{ type: 'C' }]);
      assert.deepEqual(
        result.notes.map((n) => n.path),
        ['exception.values.0'],
      );
    }
  });

  it('non-string exception values are kept as JSON text', () => {
    assert.equal(normalize({ exception: [{ type: 'E', value: { code: 7 } }] }).title, 'E: {"code":7}');
  });

  it('exception groups: the main exception is the last non-group value', () => {
    const event = normalize({
      exception: [
        { type: 'Inner', value: 'first' },
        { type: 'ExceptionGroup', value: 'many', mechanism: { type: 'chained', is_exception_group: true } },
      ],
    });
    assert.equal(event.title, 'Inner: first');
  });

  it('threads: a message event takes its crash location from the crashed thread', () => {
    const event = normalize({
      platform: 'python',
      message: 'stuck',
      threads: { values: [{ id: 1, crashed: true, stacktrace: { frames: [{ function: 'loop', module: 'worker', in_app: true }] } }] },
    });
    assert.deepEqual([event.type, event.title, event.culprit], ['default', 'stuck', 'worker in loop']);
  });

  it('transactions are titled by name; unnamed ones get a placeholder', () => {
    assert.deepEqual(
      [normalize({ transaction: 'GET /health' }, 'transaction').title, normalize({}, 'transaction').title],
      ['GET /health', '<unlabeled transaction>'],
    );
  });

  it("CSP reports: \"Blocked 'script' from 'host'\"", () => {
    const csp = normalize({ csp: { effective_directive: 'script-src', blocked_uri: 'https://evil.example.com/x.js' } });
    assert.deepEqual([csp.type, csp.title, csp.culprit], ['csp', "Blocked 'script' from 'evil.example.com'", 'script-src']);
    assert.equal(normalize({ csp: { violated_directive: 'style-src self', blocked_uri: 'inline' } }).title, "Blocked unsafe inline 'style'");
    assert.equal(normalize({ csp: { effective_directive: 'script-src', blocked_uri: 'eval' } }).title, "Blocked unsafe eval() 'script'");
  });

  it('long culprits are cut to 200 characters', () => {
    const event = normalize({ platform: 'node', exception: [{ type: 'E', stacktrace: { frames: [appFrame('f', `/app/${'d/'.repeat(150)}x.js`)] } }] });
    assert.equal(event.culprit.length, 200);
  });
});
