const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Relay's default size limits (Sentry developer docs, Envelopes › Size Limits), in bytes unless the name says
 * otherwise. Exceeding one → `413` for the whole envelope, as Relay does (docs/wire-format.md › How SDKs react
 * to 413 and 429: the SDK drops the envelope and reports `send_error`, no retry). The server makes these
 * configurable; this is the default, not policy.
 */
export const RELAY_DEFAULT_LIMITS = Object.freeze({
  /** Whole envelope after decompression (older Relay: 50 MiB). Enforce while inflating. */
  maxEnvelopeBytes: 100 * MiB,
  /**
   * Event-like items combined per envelope: `event`, `transaction`, `security`,
   * `raw_security`, `nel`, `feedback`, `replay_event`, `form_data` (`eventLike` in item-types.ts).
   */
  maxEventBytes: 1 * MiB,
  /** One `attachment` item (older Relay: 50 MiB). */
  maxAttachmentBytes: 100 * MiB,
  /** All `attachment` items of one envelope together. */
  maxAttachmentsBytes: 100 * MiB,
  /** `session` + `sessions` items per envelope — a count, not bytes. */
  maxSessionItems: 100,
  /** All `client_report` items of an envelope together. */
  maxClientReportBytes: 4 * KiB,
  /** One `profile` item (newer Relay: 50 MiB). */
  maxProfileBytes: 10 * MiB,
  /** One `check_in` item (≈100 KiB in Relay). */
  maxCheckInBytes: 100 * KiB,
  /** One `replay_recording` item, compressed as sent (≈10 MiB in Relay). */
  maxReplayRecordingBytes: 10 * MiB,
  /** Legacy `/store/` event body after decompression. */
  maxStoreBodyBytes: 1 * MiB,
  /** General web API (`/api/0/…`) JSON body. */
  maxApiBodyBytes: 20 * MiB,
  /** Legacy release file upload (multipart) body. */
  maxFileUploadBytes: 40 * MiB,
  /** One chunk-upload request (multipart of chunks). */
  maxChunkUploadRequestBytes: 100 * MiB,
});

export type RelayLimits = typeof RELAY_DEFAULT_LIMITS;
