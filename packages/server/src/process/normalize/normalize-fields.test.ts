import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NormalizeContext, type NormalizedEvent, normalizeEvent, type ProcessingNote } from './index.js';

const RECEIVED = Date.UTC(2026, 10, 21, 12, 0, 0);
const NOW_S = RECEIVED / 1000;

function normalize(raw: unknown, ctx: Partial<NormalizeContext> = {}): { event: NormalizedEvent; notes: ProcessingNote[] } {
  const result = normalizeEvent(raw, { receivedAt: RECEIVED, projectId: 7, itemType: 'event', ...ctx });
  if (!result.ok) throw new Error(result.reason);
  return { event: result.event, notes: result.notes };
}

function paths(notes: readonly ProcessingNote[]): string[] {
  return notes.map((n) => `${n.type}:${n.path}`);
}

describe('normalizeEvent: required fields and failures', () => {
  it('rejects payloads that are not objects, with a reason', () => {
    for (const raw of [null, 'x', 3, [], true]) {
      const result = normalizeEvent(raw, { receivedAt: RECEIVED, projectId: 1, itemType: 'event' });
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, /JSON object/);
    }
  });

  it('fills an empty event: generated id, receive time, level error, platform other, fallback title', () => {
    const { event, notes } = normalize({}, { newEventId: () => 'ABCDEF0123456789ABCDEF0123456789' });
    assert.deepEqual(event, {
      event_id: 'abcdef0123456789abcdef0123456789',
      project: 7,
      type: 'default',
      level: 'error',
      platform: 'other',
      timestamp: NOW_S,
      receivedAt: RECEIVED,
      title: '<unlabeled event>',
      culprit: '',
      metadata: {},
      tags: [],
    });
    assert.deepEqual(notes, []);
  });

  it('event id: hyphenated → 32 hex; missing → envelope header; invalid → replaced with a note', () => {
    assert.equal(normalize({ event_id: 'E43BE000-4106-4EF4-987F-9131863C9B58' }).event.event_id, 'e43be00041064ef4987f9131863c9b58');
    const header = { envelopeHeaders: { event_id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } };
    assert.equal(normalize({}, header).event.event_id, 'a'.repeat(32));
    const bad = normalize({ event_id: 'nope' }, header);
    assert.equal(bad.event.event_id, 'a'.repeat(32));
    assert.deepEqual(paths(bad.notes), ['invalid:event_id']);
    assert.match(normalize({ event_id: 42 }).event.event_id, /^[0-9a-f]{32}$/);
  });

  it('environment: absent stays absent (Sentry stores none); invalid release/environment removed', () => {
    assert.equal(normalize({}).event.environment, undefined);
    const { event, notes } = normalize({ release: 'feature/x', environment: 'a/b', dist: 'x'.repeat(65) });
    assert.deepEqual([event.release, event.environment, event.dist], [undefined, undefined, undefined]);
    assert.deepEqual(paths(notes), ['invalid:release', 'invalid:dist', 'invalid:environment']);
    assert.equal(normalize({ release: 123 }).event.release, '123');
  });

  it('transactions: level info, start_timestamp defaulted with a note, payload type ignored for events', () => {
    const tx = normalize({ transaction: 'GET /', timestamp: NOW_S }, { itemType: 'transaction' });
    assert.deepEqual([tx.event.type, tx.event.level, tx.event.start_timestamp], ['transaction', 'info', NOW_S]);
    assert.deepEqual(paths(tx.notes), ['invalid:start_timestamp']);
    const ev = normalize({ type: 'transaction', transaction: 'GET /', spans: [] });
    assert.equal(ev.event.type, 'default');
    assert.equal(ev.event.spans, undefined);
  });
});

describe('normalizeEvent: levels and platforms', () => {
  for (const [raw, level] of [
    ['warn', 'warning'],
    ['WARNING', 'warning'],
    ['critical', 'fatal'],
    ['log', 'info'],
    ['debug', 'debug'],
    [40, 'error'],
    [10, 'debug'],
    [50, 'fatal'],
  ] as const) {
    it(`level ${JSON.stringify(raw)} → ${level}`, () => {
      const { event, notes } = normalize({ level: raw });
      assert.equal(event.level, level);
      assert.deepEqual(notes, []);
    });
  }

  it('unknown levels default to error with a note; unknown platforms become other', () => {
    const { event, notes } = normalize({ level: 'verbose', platform: 'cobol' });
    assert.deepEqual([event.level, event.platform], ['error', 'other']);
    assert.deepEqual(paths(notes), ['invalid:platform', 'invalid:level']);
    assert.equal(normalize({ platform: 'Python' }).event.platform, 'python');
  });
});

describe('normalizeEvent: timestamps', () => {
  it('keeps a plausible timestamp, float or RFC 3339', () => {
    assert.equal(normalize({ timestamp: NOW_S - 5.25 }).event.timestamp, NOW_S - 5.25);
    assert.equal(normalize({ timestamp: '2026-11-21T11:59:55.5Z' }).event.timestamp, NOW_S - 4.5);
  });

  it('replaces timestamps older than 30 days or in the future, shifting breadcrumbs along', () => {
    const old = normalize({ timestamp: NOW_S - 31 * 86400, breadcrumbs: [{ timestamp: NOW_S - 31 * 86400 - 2 }] });
    assert.equal(old.event.timestamp, NOW_S);
    assert.equal(old.event.breadcrumbs?.values[0]?.timestamp, NOW_S - 2);
    assert.deepEqual(paths(old.notes), ['replaced:timestamp']);
    const future = normalize({ timestamp: NOW_S + 120 });
    assert.equal(future.event.timestamp, NOW_S);
    assert.equal(normalize({ timestamp: NOW_S + 30 }).event.timestamp, NOW_S + 30, 'within a minute is fine');
  });

  it('corrects client clock drift from sent_at for every timestamp', () => {
    const skew = 2 * 3600;
    const { event, notes } = normalize(
      { timestamp: NOW_S - skew - 1, start_timestamp: NOW_S - skew - 3, spans: [{ timestamp: NOW_S - skew - 2 }] },
      { itemType: 'transaction', envelopeHeaders: { sent_at: new Date(RECEIVED - skew * 1000).toISOString() } },
    );
    assert.deepEqual([event.timestamp, event.start_timestamp, event.spans?.[0]?.timestamp], [NOW_S - 1, NOW_S - 3, NOW_S - 2]);
    assert.deepEqual(paths(notes), ['replaced:timestamp']);
  });

  it('an unparseable timestamp becomes the receive time with a note', () => {
    const { event, notes } = normalize({ timestamp: 'yesterday' });
    assert.equal(event.timestamp, NOW_S);
    assert.deepEqual(paths(notes), ['invalid:timestamp']);
  });
});

describe('normalizeEvent: message and logentry', () => {
  it('formats logentry params (printf and brace styles) and keeps the template', () => {
    const { event } = normalize({ logentry: { message: 'User %s has %d items', params: ['bob', 3] } });
    assert.deepEqual(event.logentry, { formatted: 'User bob has 3 items', message: 'User %s has %d items', params: ['bob', 3] });
    assert.equal(normalize({ logentry: { message: 'a {} b {0}', params: ['x'] } }).event.logentry?.formatted, 'a x b x');
    assert.equal(normalize({ logentry: { message: '%(who)s left 100%%', params: { who: 'ann' } } }).event.logentry?.formatted, 'ann left 100%');
    assert.equal(normalize({ logentry: { message: 'missing %s %s', params: ['one'] } }).event.logentry?.formatted, 'missing one %s');
  });

  it('a formatted value wins; message objects and strings both work; logentry beats message', () => {
    assert.deepEqual(normalize({ message: { message: 'T %s', params: [1], formatted: 'T one' } }).event.logentry, {
      formatted: 'T one',
      message: 'T %s',
      params: [1],
    });
    assert.deepEqual(normalize({ message: 'plain', logentry: { formatted: 'wins' } }).event.logentry, { formatted: 'wins' });
    assert.equal(normalize({ message: 'plain' }).event.title, 'plain');
  });

  it('message titles use the first non-blank line, cut to 100 characters', () => {
    assert.equal(normalize({ message: '\n  first line\nsecond' }).event.title, '  first line');
    const title = normalize({ message: 'x'.repeat(300) }).event.title;
    assert.equal(title.length, 100);
    assert.ok(title.endsWith('...'));
  });

  it('an oversized message is cut to 8192 characters with a note', () => {
    const { event, notes } = normalize({ message: 'y'.repeat(10_000) });
    assert.equal(event.logentry?.formatted.length, 8192);
    assert.deepEqual(paths(notes), ['trimmed:message']);
  });
});

describe('normalizeEvent: tags, breadcrumbs, user, contexts', () => {
  it('tags from an object or a pair list, coerced, trimmed, deduplicated', () => {
    const obj = normalize({ tags: { a: 'x', n: 5, b: true, nil: null, long: 'v'.repeat(250), nl: 'one\ntwo' } });
    assert.deepEqual(obj.event.tags.slice(0, 3), [
      ['a', 'x'],
      ['n', '5'],
      ['b', 'true'],
    ]);
    assert.equal(obj.event.tags[3]?.[1].length, 200);
    assert.deepEqual(obj.event.tags[4], ['nl', 'one two']);
    assert.deepEqual(paths(obj.notes), ['trimmed:tags']);
    const list = normalize({ tags: [['k', 'v'], ['k', 'dup'], ['bad'], [' ', 'x'], ['obj', {}]] });
    assert.deepEqual(list.event.tags, [['k', 'v']]);
    assert.deepEqual(paths(list.notes), ['invalid:tags', 'invalid:tags']);
  });

  it('breadcrumbs: list or {values}, last 100 kept with a note, bad entries counted', () => {
    const crumbs = Array.from({ length: 250 }, (_, i) => ({ message: `m${i}`, timestamp: NOW_S - 250 + i }));
    const { event, notes } = normalize({ breadcrumbs: { values: crumbs } });
    assert.equal(event.breadcrumbs?.values.length, 100);
    assert.equal(event.breadcrumbs?.values[0]?.message, 'm150');
    assert.deepEqual(notes, [{ type: 'trimmed', path: 'breadcrumbs', detail: 'kept the last 100 of 250 breadcrumbs' }]);
    const mixed = normalize({ breadcrumbs: [{ level: 'warn', type: 'http' }, 'junk', { timestamp: 'never', level: 'loud' }] });
    assert.deepEqual(mixed.event.breadcrumbs?.values, [{ type: 'http', level: 'warning' }, { type: 'default' }]);
    assert.deepEqual(paths(mixed.notes), ['invalid:breadcrumbs', 'invalid:breadcrumbs']);
  });

  it('user: ids coerced, unknown keys moved to data, bad IPs removed, {{auto}} without client IP removed', () => {
    const { event, notes } = normalize({ user: { id: 42, ip_address: 'not-an-ip', plan: 'pro' } });
    assert.deepEqual(event.user, { id: '42', data: { plan: 'pro' } });
    assert.deepEqual(paths(notes), ['invalid:user.ip_address']);
    assert.equal(normalize({ user: { ip_address: '{{auto}}' } }).event.user, undefined);
    assert.equal(normalize({ user: { ip_address: '{{auto}}' } }, { clientIp: '192.0.2.1' }).event.user?.ip_address, '192.0.2.1');
  });

  it('IP inference follows sdk.settings.infer_ip and the legacy platform rule', () => {
    const ip = { clientIp: '192.0.2.1' };
    assert.equal(normalize({ platform: 'javascript' }, ip).event.user?.ip_address, '192.0.2.1');
    assert.equal(normalize({ platform: 'node' }, ip).event.user, undefined);
    assert.equal(normalize({ platform: 'node', sdk: { settings: { infer_ip: 'auto' } } }, ip).event.user?.ip_address, '192.0.2.1');
    const never = { platform: 'javascript', sdk: { settings: { infer_ip: 'never' } }, user: { ip_address: '{{auto}}' } };
    assert.equal(normalize(never, ip).event.user, undefined);
  });

  it('wrong types become absent with a note instead of failing', () => {
    const { event, notes } = normalize({
      user: 'bob',
      contexts: 5,
      tags: 'x',
      breadcrumbs: 3,
      request: [],
      extra: [1],
      exception: 'boom',
      fingerprint: 'fp',
      modules: [],
      sdk: 1,
      logger: {},
    });
    assert.deepEqual(Object.keys(event).sort(), [
      'culprit',
      'event_id',
      'level',
      'metadata',
      'platform',
      'project',
      'receivedAt',
      'tags',
      'timestamp',
      'title',
      'type',
    ]);
    assert.equal(notes.length, 11);
    assert.ok(notes.every((n) => n.type === 'invalid'));
  });

  it('contexts: non-object entries dropped, type defaults to the alias', () => {
    const { event, notes } = normalize({ contexts: { gpu: { name: 'x' }, bad: 'str', os: { type: 'os', name: ' Linux ' } } });
    assert.deepEqual(event.contexts, { gpu: { name: 'x', type: 'gpu' }, os: { type: 'os', name: 'Linux' } });
    assert.deepEqual(paths(notes), ['invalid:contexts.bad']);
  });

  it('keeps keys named __proto__ as data without touching prototypes', () => {
    const raw = JSON.parse('{"extra":{"__proto__":{"polluted":true}},"tags":{"__proto__":"t"},"contexts":{"__proto__":{"a":1}}}');
    const { event } = normalize(raw);
    assert.deepEqual(Object.keys(event.extra ?? {}), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(event.extra), Object.prototype);
    assert.deepEqual(event.tags, [['__proto__', 't']]);
    assert.ok(Object.hasOwn(event.contexts ?? {}, '__proto__'));
  });
});
