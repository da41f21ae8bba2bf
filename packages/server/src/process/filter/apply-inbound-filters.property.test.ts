import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeEvent } from '../normalize/index.js';
import { applyInboundFilters, INBOUND_FILTER_REASONS, type InboundFilterSettings } from './index.js';

const settingsArb: fc.Arbitrary<InboundFilterSettings> = fc.record({
  browserExtensions: fc.boolean(),
  localhost: fc.boolean(),
  legacyBrowsers: fc.boolean(),
  webCrawlers: fc.boolean(),
  healthChecks: fc.boolean(),
  errorMessages: fc.array(fc.string({ unit: fc.constantFrom('a', '*', '?', '[', ']', '!', '-', '\\', 'z', ':', ' ') }), { maxLength: 4 }),
  releases: fc.array(fc.string(), { maxLength: 3 }),
});

const eventArb = fc.dictionary(
  fc.constantFrom('exception', 'message', 'request', 'user', 'release', 'transaction', 'contexts', 'logentry'),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('applyInboundFilters properties', () => {
  it('never throws and only returns known reasons, for any event and any settings', () => {
    fc.assert(
      fc.property(eventArb, settingsArb, fc.boolean(), (raw, settings, tx) => {
        const normalized = normalizeEvent(raw, { receivedAt: 1_800_000_000_000, projectId: 1, itemType: tx ? 'transaction' : 'event' });
        assert.ok(normalized.ok);
        if (!normalized.ok) return;
        const before = JSON.stringify(normalized.event);
        const result = applyInboundFilters(normalized.event, settings);
        if (result.filtered) assert.ok(INBOUND_FILTER_REASONS.includes(result.reason));
        assert.equal(JSON.stringify(normalized.event), before, 'filters do not mutate the event');
        const off = { ...settings, browserExtensions: false, localhost: false, legacyBrowsers: false, webCrawlers: false, healthChecks: false };
        if (settings.errorMessages.length === 0 && settings.releases.length === 0) {
          assert.equal(applyInboundFilters(normalized.event, off).filtered, false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
