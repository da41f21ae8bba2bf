// Fuzzing what the monitor API accepts: any JSON body is either parsed into values within
// Sentry's limits or refused with a coded 400 (never another exception, which would be a 500),
// and the list's query parser behaves the same for any text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isFaultlineError } from '../../kernel/index.js';
import { mergeMonitorConfig, parseMonitorConfig } from '../monitor-config.js';
import { parseListRequest } from '../read/monitor-list.js';
import { parseStatsRequest } from '../read/monitor-stats.js';
import { parseMonitorInput } from './monitor-input.js';

function refusedAs400(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    assert.ok(isFaultlineError(err), `not a coded error: ${String(err)}`);
    assert.equal(err.code, 'validation_failed');
  }
}

const schedule = fc.oneof(
  fc.constantFrom('0 2 * * *', '@daily', '61 * * * *', '0 0 2 * * *', '*/5 * * * *', '', 'x'.repeat(200)),
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double(), fc.string({ maxLength: 3 })), fc.constantFrom('minute', 'hour', 'fortnight', '')),
  fc.record(
    { type: fc.constantFrom('crontab', 'interval', 'other'), value: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), unit: fc.string({ maxLength: 8 }) },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const config = fc.oneof(
  fc.record(
    {
      schedule,
      schedule_type: fc.oneof(fc.constantFrom('crontab', 'interval', 'cron'), fc.jsonValue({ maxDepth: 1 })),
      checkin_margin: fc.oneof(fc.integer({ min: -10, max: 50_000 }), fc.double(), fc.constant(null), fc.string({ maxLength: 4 })),
      max_runtime: fc.oneof(fc.integer({ min: -10, max: 50_000 }), fc.double(), fc.constant(null)),
      timezone: fc.oneof(fc.constantFrom('UTC', 'Europe/Vienna', 'Mars/Base', ''), fc.string({ maxLength: 80 }), fc.integer()),
      failure_issue_threshold: fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.constant(null)),
      recovery_threshold: fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.string({ maxLength: 3 })),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const body = fc.oneof(
  fc.record(
    {
      project: fc.oneof(fc.constant('web'), fc.integer(), fc.string({ maxLength: 120 }), fc.constant(null)),
      name: fc.oneof(fc.string({ maxLength: 140 }), fc.integer(), fc.constant(null)),
      slug: fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,60}$/), fc.string({ maxLength: 600 }), fc.integer()),
      status: fc.oneof(fc.constantFrom('active', 'disabled', 'paused'), fc.jsonValue({ maxDepth: 1 })),
      isMuted: fc.jsonValue({ maxDepth: 1 }),
      owner: fc.oneof(fc.constantFrom('user:1', 'team:2', 'everyone', ''), fc.constant(null), fc.integer()),
      type: fc.constantFrom('cron_job', 'heartbeat'),
      config,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('monitor API input (fuzzed)', () => {
  it('a create or update body is parsed within limits or refused with a 400', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (b, creating) => {
        refusedAs400(() => {
          const input = parseMonitorInput(b, creating);
          if (input.slug !== undefined) assert.match(input.slug, /^[a-z0-9_-]{1,50}$/);
          if (input.name !== undefined) assert.ok(input.name.length >= 1 && input.name.length <= 128);
          if (creating) assert.ok(input.project !== undefined && input.config !== undefined);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('a config is parsed within Sentry\u2019s limits or refused with a field and a reason, on create and on merge', () => {
    const base = parseMonitorConfig({ schedule: '0 2 * * *', timezone: 'Europe/Vienna' });
    assert.ok(base.ok);
    fc.assert(
      fc.property(config, (c) => {
        for (const result of [parseMonitorConfig(c), mergeMonitorConfig(base.config, c)]) {
          if (!result.ok) {
            assert.ok(result.field.length > 0 && result.reason.length > 0);
            continue;
          }
          const { checkinMargin, maxRuntime, failureIssueThreshold, recoveryThreshold } = result.config;
          if (checkinMargin !== null) assert.ok(checkinMargin >= 1);
          if (maxRuntime !== null) assert.ok(maxRuntime >= 1 && maxRuntime <= 40_320);
          for (const t of [failureIssueThreshold, recoveryThreshold]) if (t !== null) assert.ok(t >= 1 && t <= 720);
          if (result.config.schedule.type === 'crontab') assert.equal(result.config.schedule.crontab.split(' ').length, 5);
          else assert.ok(result.config.schedule.value > 0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('list and stats parameters are read or refused with a 400', () => {
    const param = fc.oneof(fc.string({ maxLength: 600 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('query', 'sort', 'asc', 'environment', 'owner', 'includeNew', 'since', 'until', 'resolution'), param), (q) => {
        refusedAs400(() => parseListRequest(q));
        refusedAs400(() => parseStatsRequest(q, Date.UTC(2026, 10, 21)));
      }),
      { numRuns: 1500 },
    );
  });
});
