import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyInboundFilters, DEFAULT_INBOUND_FILTER_SETTINGS } from '../filter/index.js';
import { normalizeEvent } from '../normalize/index.js';
import { capturedEvent } from '../normalize/sdk-events.test-support.js';
import { DEFAULT_SCRUB_SETTINGS, scrubEvent } from './index.js';

// A guard against accidental quadratic work, not a benchmark: the three stages take ~0.1–0.3 ms
// per real 10 KB event on one core; the budget is 30× that so a loaded CI machine passes.
describe('normalize → filter → scrub throughput', () => {
  it('processes real events in well under 10 ms each', () => {
    const names = [
      'sentry-node-8.55.2/012-express--envelope-event.txt',
      'sentry-python-1.9.10/001-errors--store.txt',
      'sentry-browser-11.12.0/004-default--envelope-event.txt',
      'sentry-node-11.12.0/011-express-static--envelope-transaction.txt',
    ];
    const captures = names.map(capturedEvent);
    const rounds = 100;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      for (const c of captures) {
        const result = normalizeEvent(c.payload, { receivedAt: c.receivedAt, projectId: 1, itemType: c.itemType, envelopeHeaders: c.envelopeHeaders });
        assert.ok(result.ok);
        if (!result.ok) return;
        applyInboundFilters(result.event, DEFAULT_INBOUND_FILTER_SETTINGS);
        scrubEvent(result.event, DEFAULT_SCRUB_SETTINGS);
      }
    }
    const perEvent = (performance.now() - started) / (rounds * captures.length);
    assert.ok(perEvent < 10, `${perEvent.toFixed(2)} ms per event`);
  });
});
