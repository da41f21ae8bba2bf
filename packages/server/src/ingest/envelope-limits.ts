import { type EnvelopeItem, itemTypeInfo } from '@faultline/protocol';
import type { Config } from '../config/index.js';

/**
 * Per-envelope size limits (Sentry developer docs, Envelopes › Size Limits; docs/ingest.md › Limits); the
 * whole-body caps are enforced while reading.
 */
export interface EnvelopeSizeLimits {
  maxEventBytes: number;
  maxAttachmentBytes: number;
  maxAttachmentsBytes: number;
  maxSessionItems: number;
  maxClientReportBytes: number;
  maxProfileBytes: number;
  maxCheckInBytes: number;
  maxReplayRecordingBytes: number;
}

export function envelopeLimitsFromConfig(config: Config): EnvelopeSizeLimits {
  return {
    maxEventBytes: config.ingestMaxEventBytes,
    maxAttachmentBytes: config.ingestMaxAttachmentBytes,
    maxAttachmentsBytes: config.ingestMaxAttachmentsBytes,
    maxSessionItems: config.ingestMaxSessionItems,
    maxClientReportBytes: config.ingestMaxClientReportBytes,
    maxProfileBytes: config.ingestMaxProfileBytes,
    maxCheckInBytes: config.ingestMaxCheckInBytes,
    maxReplayRecordingBytes: config.ingestMaxReplayRecordingBytes,
  };
}

const perItemLimit: Record<string, keyof EnvelopeSizeLimits> = {
  attachment: 'maxAttachmentBytes',
  profile: 'maxProfileBytes',
  profile_chunk: 'maxProfileBytes',
  check_in: 'maxCheckInBytes',
  replay_recording: 'maxReplayRecordingBytes',
  replay_video: 'maxReplayRecordingBytes',
};

/**
 * The first limit the envelope breaks, as a message, or undefined. Like Relay, one
 * broken limit rejects the whole envelope (413): SDKs then drop it and record
 * `send_error` (docs/wire-format.md › How SDKs react to 413 and 429) instead of retrying.
 */
export function exceededLimit(items: readonly EnvelopeItem[], limits: EnvelopeSizeLimits): string | undefined {
  let eventBytes = 0;
  let attachmentBytes = 0;
  let sessionItems = 0;
  let clientReportBytes = 0;
  for (const item of items) {
    const size = item.payload.byteLength;
    const limitName = perItemLimit[item.type];
    if (limitName !== undefined && size > limits[limitName]) return `${item.type} item of ${size} bytes exceeds ${limits[limitName]} bytes`;
    if (itemTypeInfo(item.type).eventLike) eventBytes += size;
    if (item.type === 'attachment') attachmentBytes += size;
    if (item.type === 'session' || item.type === 'sessions') sessionItems++;
    if (item.type === 'client_report') clientReportBytes += size;
  }
  if (eventBytes > limits.maxEventBytes) return `event items of ${eventBytes} bytes exceed ${limits.maxEventBytes} bytes`;
  if (attachmentBytes > limits.maxAttachmentsBytes) return `attachments of ${attachmentBytes} bytes exceed ${limits.maxAttachmentsBytes} bytes`;
  if (sessionItems > limits.maxSessionItems) return `${sessionItems} session items exceed ${limits.maxSessionItems}`;
  if (clientReportBytes > limits.maxClientReportBytes) return `client reports of ${clientReportBytes} bytes exceed ${limits.maxClientReportBytes} bytes`;
  return undefined;
}
