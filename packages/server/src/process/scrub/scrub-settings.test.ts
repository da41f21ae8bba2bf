import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCRUB_SETTINGS, parseScrubSettings } from './index.js';

describe('parseScrubSettings', () => {
  it('defaults: on, IPs kept, no extra or safe fields', () => {
    assert.deepEqual(DEFAULT_SCRUB_SETTINGS, { enabled: true, scrubIpAddresses: false, sensitiveFields: [], safeFields: [] });
    assert.deepEqual(parseScrubSettings(null), { ok: true, settings: DEFAULT_SCRUB_SETTINGS });
    assert.deepEqual(parseScrubSettings({}), { ok: true, settings: DEFAULT_SCRUB_SETTINGS });
  });

  it('accepts partial settings; trims, drops empties, deduplicates', () => {
    const result = parseScrubSettings({ scrubIpAddresses: true, safeFields: [' sid ', 'sid', ''] });
    assert.deepEqual(result, { ok: true, settings: { enabled: true, scrubIpAddresses: true, sensitiveFields: [], safeFields: ['sid'] } });
  });

  it('reports every problem together', () => {
    assert.deepEqual(parseScrubSettings({ enabled: 'no', sensitiveFields: 'ssn', extra: 1, safeFields: ['x'.repeat(101)] }), {
      ok: false,
      reason:
        'unknown setting "extra"; enabled must be true or false; sensitiveFields must be a list of strings; safeFields entries must be at most 100 characters',
    });
    assert.deepEqual(parseScrubSettings('on'), { ok: false, reason: 'scrub settings must be an object' });
  });
});
