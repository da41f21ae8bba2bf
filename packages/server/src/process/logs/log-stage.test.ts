// The log stage on its own: every line of every `log` item ends in one outcome (accepted or
// invalid, counted in log_item and log_byte), the project's scrubbing rules — defaults, extra
// sensitive fields, safe fields — apply to messages and attributes before the rows are encoded,
// and what is encoded decodes to the scrubbed lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueItem } from '../../jobs/index.js';
import { decodeLogBlock } from '../../logs/index.js';
import { OutcomeCounts } from '../../outcomes/index.js';
import { DEFAULT_PROCESSING_SETTINGS, type ProcessingSettings } from '../project-settings.js';
import { parseScrubSettings } from '../scrub/index.js';
import { prepareLogs } from './log-stage.js';

const NOW = Date.UTC(2026, 10, 21, 15, 0, 0);
let queueId = 0;

function logItem(projectId: number, payload: unknown, itemCount: number): QueueItem {
  return {
    queueId: ++queueId,
    index: 0,
    projectId,
    receivedAt: NOW,
    eventId: null,
    type: 'log',
    envelopeHeaders: { sdk: { name: 'sentry.python', version: '2.40.0' } },
    headers: { type: 'log', item_count: itemCount },
    payload: new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  };
}

const line = (body: string, attributes: Record<string, unknown> = {}) => ({ timestamp: NOW / 1000 - 1, level: 'info', body, attributes });

describe('the log stage', () => {
  it('gives every line one outcome: valid lines accepted, bad lines and bad containers invalid', () => {
    const outcomes = new OutcomeCounts();
    const items = [
      logItem(1, { version: 2, items: [line('a'), line('b'), { body: 'no timestamp' }] }, 3),
      logItem(1, { version: 3, items: [line('c')] }, 1),
      logItem(2, 'not json', 2),
      logItem(2, { items: [line('d')] }, 1),
    ];
    const prepared = prepareLogs(items, () => DEFAULT_PROCESSING_SETTINGS, outcomes);
    const lines = (category: string, outcome: string) =>
      outcomes
        .increments()
        .filter((i) => i.category === category && i.outcome === outcome)
        .reduce((n, i) => n + i.quantity, 0);
    assert.equal(lines('log_item', 'accepted'), 3);
    assert.equal(lines('log_item', 'invalid'), 1 + 1 + 2);
    assert.equal(lines('log_item', 'accepted') + lines('log_item', 'invalid'), 3 + 1 + 2 + 1);
    const bytes = items.reduce((n, i) => n + i.payload.byteLength, 0);
    assert.equal(lines('log_byte', 'accepted') + lines('log_byte', 'invalid'), bytes);
    const reasons = outcomes
      .increments()
      .filter((i) => i.outcome === 'invalid' && i.category === 'log_item')
      .map((i) => i.reason)
      .sort();
    assert.deepEqual(reasons, ['invalid_json', 'invalid_log', 'unsupported_log_version']);
    assert.equal(prepared.rows.blocks.length, 2, 'one block per project');
    const decoded = prepared.rows.blocks.flatMap((b) => decodeLogBlock(b.row.document as Uint8Array));
    assert.deepEqual(decoded.map((l) => l.body).sort(), ['a', 'b', 'd']);
    assert.equal(decoded[0]?.attributes['sentry.sdk.name']?.value, 'sentry.python', 'the envelope SDK when the line names none');
  });

  it('scrubs messages and attributes with the project’s rules before encoding', () => {
    const parsed = parseScrubSettings({ enabled: true, sensitiveFields: ['customer_code'], safeFields: ['session_token'] });
    assert.ok(parsed.ok);
    const strict: ProcessingSettings = { ...DEFAULT_PROCESSING_SETTINGS, scrubbing: parsed.settings };
    const payload = {
      version: 2,
      items: [
        line('login with password=hunter2 and card 4242 4242 4242 4242', {
          password: { type: 'string', value: 'hunter2' },
          secret_number: { type: 'integer', value: 1234 },
          customer_code: { type: 'string', value: 'C-991' },
          session_token: { type: 'string', value: 'keep-me' },
          note: { type: 'string', value: 'Authorization: Bearer abcdefghijklmnop' },
          plan: { type: 'string', value: 'pro' },
        }),
      ],
    };
    const prepared = prepareLogs([logItem(1, payload, 1)], () => strict, new OutcomeCounts());
    const block = prepared.rows.blocks[0];
    assert.ok(block);
    const stored = Buffer.from(block.row.document as Uint8Array);
    const [l] = decodeLogBlock(stored);
    assert.equal(l?.body, 'login with password=[Filtered] and card [Filtered]');
    assert.deepEqual(l?.attributes.password, { type: 'string', value: '[Filtered]' });
    assert.deepEqual(l?.attributes.secret_number, { type: 'string', value: '[Filtered]' }, 'a sensitive name hides any type');
    assert.deepEqual(l?.attributes.customer_code, { type: 'string', value: '[Filtered]' }, 'the project’s extra sensitive field');
    assert.deepEqual(l?.attributes.session_token, { type: 'string', value: 'keep-me' }, 'the project’s safe field');
    assert.equal(l?.attributes.note?.value, 'Authorization: Bearer [Filtered]');
    assert.equal(l?.attributes.plan?.value, 'pro');
    assert.doesNotMatch(JSON.stringify(l), /hunter2|4242 4242|C-991|abcdefghijklmnop/);
  });

  it('names the browser of the request’s User-Agent only when the container asks, and never over the line’s own', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    const withUa = (payload: unknown, userAgent: string | null): QueueItem => ({ ...logItem(7, payload, 1), clientUserAgent: userAgent });
    const cases: [QueueItem, string | undefined][] = [
      [withUa({ version: 2, ingest_settings: { infer_user_agent: 'auto' }, items: [line('auto')] }, chrome), 'Chrome'],
      [withUa({ version: 2, ingest_settings: { infer_user_agent: 'never' }, items: [line('never')] }, chrome), undefined],
      [withUa({ version: 2, items: [line('no settings')] }, chrome), undefined],
      [withUa({ version: 2, ingest_settings: { infer_user_agent: 'auto' }, items: [line('no header')] }, null), undefined],
      [withUa({ version: 2, ingest_settings: { infer_user_agent: 'auto' }, items: [line('server ua')] }, 'node'), undefined],
      [
        withUa(
          { version: 2, ingest_settings: { infer_user_agent: 'auto' }, items: [line('own', { 'sentry.browser.name': { type: 'string', value: 'Firefox' } })] },
          chrome,
        ),
        'Firefox',
      ],
    ];
    for (const [item, expected] of cases) {
      const prepared = prepareLogs([item], () => DEFAULT_PROCESSING_SETTINGS, new OutcomeCounts());
      const [decoded] = prepared.rows.blocks.flatMap((b) => decodeLogBlock(b.row.document as Uint8Array));
      const attribute = decoded?.attributes['sentry.browser.name'];
      assert.equal(attribute?.value, expected, decoded?.body);
      if (expected === 'Chrome') assert.equal(decoded?.attributes['sentry.browser.version']?.value, '131.0.0.0');
    }
  });
});
