import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELAY_DEFAULT_LIMITS } from './limits.js';

test('Relay default limits (Sentry developer docs, Envelopes › Size Limits), in bytes', () => {
  assert.deepEqual(
    { ...RELAY_DEFAULT_LIMITS },
    {
      maxEnvelopeBytes: 104_857_600,
      maxEventBytes: 1_048_576,
      maxAttachmentBytes: 104_857_600,
      maxAttachmentsBytes: 104_857_600,
      maxSessionItems: 100,
      maxClientReportBytes: 4096,
      maxProfileBytes: 10_485_760,
      maxCheckInBytes: 102_400,
      maxReplayRecordingBytes: 10_485_760,
      maxStoreBodyBytes: 1_048_576,
      maxApiBodyBytes: 20_971_520,
      maxFileUploadBytes: 41_943_040,
      maxChunkUploadRequestBytes: 104_857_600,
    },
  );
  assert.ok(Object.isFrozen(RELAY_DEFAULT_LIMITS));
});
