/**
 * Every configuration key: environment variable, default, unit and one doc line.
 * `docs/config.md` is generated from this table (`faultline config-doc`).
 */
import { RELAY_DEFAULT_LIMITS } from '@faultline/protocol';
import { parseAddressList } from '../kernel/index.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ConfigKey<T> {
  env: string;
  default: string | null;
  unit?: string;
  doc: string;
  parse(raw: string): ParseResult<T>;
}

function integer(min: number, max: number) {
  return (raw: string): ParseResult<number> => {
    if (!/^\d+$/.test(raw.trim())) return { ok: false, reason: `must be a whole number, got "${raw}"` };
    const n = Number(raw);
    if (n < min || n > max) return { ok: false, reason: `must be between ${min} and ${max}, got ${n}` };
    return { ok: true, value: n };
  };
}

function boolean(raw: string): ParseResult<boolean> {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return { ok: true, value: true };
  if (['0', 'false', 'no', 'off'].includes(v)) return { ok: true, value: false };
  return { ok: false, reason: `must be true or false, got "${raw}"` };
}

function text(raw: string): ParseResult<string> {
  return { ok: true, value: raw };
}

function httpUrl(raw: string): ParseResult<string> {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: `must be an http(s) URL, got "${raw}"` };
    return { ok: true, value: raw.replace(/\/+$/, '') };
  } catch {
    return { ok: false, reason: `must be an http(s) URL, got "${raw}"` };
  }
}

function databaseUrl(raw: string): ParseResult<string> {
  if (/^postgres(ql)?:\/\//.test(raw)) return { ok: true, value: raw };
  return { ok: false, reason: 'must start with postgres:// (leave unset for embedded SQLite)' };
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): ParseResult<T> =>
    (values as readonly string[]).includes(raw) ? { ok: true, value: raw as T } : { ok: false, reason: `must be one of ${values.join(', ')}, got "${raw}"` };
}

function secret(raw: string): ParseResult<string> {
  return raw.length >= 32 ? { ok: true, value: raw } : { ok: false, reason: 'must be at least 32 characters' };
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = {
  port: { env: 'FAULTLINE_PORT', default: '8000', doc: 'TCP port the HTTP server listens on.', parse: integer(0, 65535) },
  host: { env: 'FAULTLINE_HOST', default: '0.0.0.0', doc: 'Interface the HTTP server binds to.', parse: text },
  dataDir: {
    env: 'FAULTLINE_DATA_DIR',
    default: './data',
    doc: 'Directory for the embedded SQLite database, the generated secret key and stored artifacts.',
    parse: text,
  },
  publicUrl: {
    env: 'FAULTLINE_URL',
    default: null,
    doc: 'Public base URL, used in DSNs and links. Default http://localhost:PORT.',
    parse: httpUrl,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: null,
    doc: 'PostgreSQL connection URL (postgres://…). Unset: embedded SQLite in the data directory.',
    parse: databaseUrl,
  },
  secretKey: {
    env: 'FAULTLINE_SECRET_KEY',
    default: null,
    doc: 'Secret for signing (at least 32 characters). Unset: generated once and kept in DATA_DIR/secret-key.',
    parse: secret,
  },
  adminEmail: {
    env: 'FAULTLINE_ADMIN_EMAIL',
    default: 'admin@faultline.local',
    doc: 'E-mail of the admin user created on first start.',
    parse: (raw: string): ParseResult<string> =>
      /^[^\s@]+@[^\s@]+$/.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, reason: `must be an e-mail address, got "${raw}"` },
  },
  adminPassword: {
    env: 'FAULTLINE_ADMIN_PASSWORD',
    default: null,
    doc: 'Password of the admin user created on first start. Unset: a random one is generated and printed once.',
    parse: (raw: string): ParseResult<string> => (raw.length >= 8 ? { ok: true, value: raw } : { ok: false, reason: 'must be at least 8 characters' }),
  },
  logLevel: { env: 'FAULTLINE_LOG_LEVEL', default: 'info', doc: 'Log level of the JSON logs on stderr.', parse: oneOf(logLevels) },

  // Ingest size limits: Relay's defaults (docs/ingest.md › Limits); exceeding one answers 413.
  ingestMaxWireBytes: {
    env: 'FAULTLINE_INGEST_MAX_WIRE_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxEnvelopeBytes),
    unit: 'bytes',
    doc: 'Largest ingest request body as sent (compressed).',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxEnvelopeBytes: {
    env: 'FAULTLINE_INGEST_MAX_ENVELOPE_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxEnvelopeBytes),
    unit: 'bytes',
    doc: 'Largest envelope after decompression; inflating stops at this size.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxEventBytes: {
    env: 'FAULTLINE_INGEST_MAX_EVENT_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxEventBytes),
    unit: 'bytes',
    doc: 'Event-like items (event, transaction, security, feedback, replay_event…) of one envelope combined.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxAttachmentBytes: {
    env: 'FAULTLINE_INGEST_MAX_ATTACHMENT_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxAttachmentBytes),
    unit: 'bytes',
    doc: 'One attachment item.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxAttachmentsBytes: {
    env: 'FAULTLINE_INGEST_MAX_ATTACHMENTS_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxAttachmentsBytes),
    unit: 'bytes',
    doc: 'All attachment items of one envelope combined.',
    parse: integer(1024, 2 ** 40),
  },
  feedbackMaxAttachmentBytes: {
    env: 'FAULTLINE_FEEDBACK_MAX_ATTACHMENT_BYTES',
    default: String(10 * 1024 * 1024),
    unit: 'bytes',
    doc: 'One attachment (screenshot) stored with a feedback event; a larger one is dropped with outcome invalid `attachment_too_large` (docs/feedback.md).',
    parse: integer(1024, 2 ** 40),
  },
  feedbackMaxAttachmentsBytes: {
    env: 'FAULTLINE_FEEDBACK_MAX_ATTACHMENTS_BYTES',
    default: String(20 * 1024 * 1024),
    unit: 'bytes',
    doc: 'All attachments stored with one feedback event; those beyond it are dropped with outcome invalid `attachments_too_large`.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxSessionItems: {
    env: 'FAULTLINE_INGEST_MAX_SESSION_ITEMS',
    default: String(RELAY_DEFAULT_LIMITS.maxSessionItems),
    unit: 'items',
    doc: 'session + sessions items in one envelope.',
    parse: integer(1, 1_000_000),
  },
  ingestMaxClientReportBytes: {
    env: 'FAULTLINE_INGEST_MAX_CLIENT_REPORT_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxClientReportBytes),
    unit: 'bytes',
    doc: 'All client_report items of one envelope combined.',
    parse: integer(64, 2 ** 40),
  },
  ingestMaxProfileBytes: {
    env: 'FAULTLINE_INGEST_MAX_PROFILE_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxProfileBytes),
    unit: 'bytes',
    doc: 'One profile or profile_chunk item.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxCheckInBytes: {
    env: 'FAULTLINE_INGEST_MAX_CHECK_IN_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxCheckInBytes),
    unit: 'bytes',
    doc: 'One check_in item.',
    parse: integer(64, 2 ** 40),
  },
  ingestMaxReplayRecordingBytes: {
    env: 'FAULTLINE_INGEST_MAX_REPLAY_RECORDING_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxReplayRecordingBytes),
    unit: 'bytes',
    doc: 'One replay_recording or replay_video item, as sent.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxStoreBytes: {
    env: 'FAULTLINE_INGEST_MAX_STORE_BYTES',
    default: String(RELAY_DEFAULT_LIMITS.maxStoreBodyBytes),
    unit: 'bytes',
    doc: 'Legacy /store/ and /security/ bodies after decompression.',
    parse: integer(1024, 2 ** 40),
  },
  ingestMaxItems: {
    env: 'FAULTLINE_INGEST_MAX_ITEMS',
    default: '1000',
    unit: 'items',
    doc: 'Items in one envelope; more is answered 400 (SDKs send a handful).',
    parse: integer(1, 100_000),
  },
  ingestKeyCacheTtlMs: {
    env: 'FAULTLINE_INGEST_KEY_CACHE_TTL_MS',
    default: '5000',
    unit: 'ms',
    doc: "How long a DSN key lookup is cached; disabling a key or changing a project's Allowed Domains takes effect within this time.",
    parse: integer(0, 3_600_000),
  },
  ingestProjectRateLimit: {
    env: 'FAULTLINE_INGEST_PROJECT_RATE_LIMIT',
    default: '0',
    unit: 'events/minute',
    doc: 'Default per-project quota for error events (project setting quota.eventsPerMinute overrides); 0 = unlimited.',
    parse: integer(0, 1_000_000_000),
  },
  workerEnabled: {
    env: 'FAULTLINE_WORKER_ENABLED',
    default: 'true',
    doc: 'Run the queue worker in this process (false: ingest only).',
    parse: boolean,
  },
  workerThreads: {
    env: 'FAULTLINE_WORKER_THREADS',
    // One thread: on two cores it accepted 3.8× and processed 1.5× what the single loop did (docs/performance.md).
    default: '1',
    unit: 'threads',
    doc: 'Worker threads that process the queue, each with its own database connection, so processing never holds up ingest on the event loop; 0 = process on the main thread. On SQLite each thread takes its own share of the queue and they commit one at a time; a server with an injected clock or an in-memory database always processes on the main thread.',
    parse: integer(0, 16),
  },
  workerNice: {
    env: 'FAULTLINE_WORKER_NICE',
    // Ingest answers clients and must stay fast under a spike; processing only works off a backlog.
    default: '10',
    unit: 'nice',
    doc: 'Scheduling priority (Linux `nice`, 0–19) of the processing threads. When ingest and processing compete for the CPU, ingest wins and the backlog is worked off afterwards; on an idle CPU processing runs at full speed whatever the value. 0 = the same priority as ingest. Ignored where threads cannot be given their own priority (not Linux) and when processing runs on the main thread.',
    parse: integer(0, 19),
  },
  workerBatchSize: {
    env: 'FAULTLINE_WORKER_BATCH_SIZE',
    default: '200',
    unit: 'envelopes',
    doc: 'Queued envelopes the worker claims per transaction.',
    parse: integer(1, 10_000),
  },
  workerPollMs: {
    env: 'FAULTLINE_WORKER_POLL_MS',
    default: '500',
    unit: 'ms',
    doc: 'How often an idle worker looks for envelopes queued by other processes.',
    parse: integer(10, 600_000),
  },
  processingSettingsTtlMs: {
    env: 'FAULTLINE_PROCESSING_SETTINGS_TTL_MS',
    default: '2000',
    unit: 'ms',
    doc: 'How long the worker caches the processing settings of a project (filters, scrubbing, grouping rules); changes apply within this time.',
    parse: integer(0, 600_000),
  },
  retentionDays: {
    env: 'FAULTLINE_RETENTION_DAYS',
    default: '90',
    unit: 'days',
    doc: "Events, parked items and cron check-ins older than this are deleted hourly (project setting retentionDays overrides); issue counts and each monitor environment's latest check-in are kept.",
    parse: integer(1, 36_500),
  },
  traceRetentionDays: {
    env: 'FAULTLINE_TRACE_RETENTION_DAYS',
    default: '30',
    unit: 'days',
    doc: 'Stored spans (trace documents) older than this are deleted hourly; the rollups behind charts and percentiles are kept longer.',
    parse: integer(1, 36_500),
  },
  logRetentionDays: {
    env: 'FAULTLINE_LOG_RETENTION_DAYS',
    default: '30',
    unit: 'days',
    doc: 'Log lines received longer ago than this are deleted hourly (project setting logRetentionDays overrides); see docs/logs.md.',
    parse: integer(1, 36_500),
  },
  rollupRetentionDays: {
    env: 'FAULTLINE_ROLLUP_RETENTION_DAYS',
    default: '90',
    unit: 'days',
    doc: 'Performance rollups (per-minute counts, duration sketches, users) older than this are deleted hourly.',
    parse: integer(1, 36_500),
  },

  // Session replay (docs/replays.md): recordings are stored compressed, bounded per replay and per project.
  replayRetentionDays: {
    env: 'FAULTLINE_REPLAY_RETENTION_DAYS',
    default: '30',
    unit: 'days',
    doc: 'Replays not updated for this long are deleted hourly with their recordings (project setting replayRetentionDays overrides).',
    parse: integer(1, 36_500),
  },
  replayMaxBytes: {
    env: 'FAULTLINE_REPLAY_MAX_BYTES',
    default: String(50 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Compressed recording bytes one replay may store; a segment that would exceed it is dropped (outcome invalid, reason replay_too_large).',
    parse: integer(1024, 2 ** 40),
  },
  replayMaxSegments: {
    env: 'FAULTLINE_REPLAY_MAX_SEGMENTS',
    default: '1000',
    unit: 'segments',
    doc: 'Segment ids of one replay must be below this; others are dropped (outcome invalid, reason too_many_segments).',
    parse: integer(1, 1_000_000),
  },
  replayMaxSegmentBytes: {
    env: 'FAULTLINE_REPLAY_MAX_SEGMENT_BYTES',
    default: String(64 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Largest recording segment once decompressed (rrweb JSON); larger ones are dropped (outcome invalid, reason recording_too_large).',
    parse: integer(1024, 2 ** 31),
  },
  replayProjectQuotaBytes: {
    env: 'FAULTLINE_REPLAY_PROJECT_QUOTA_BYTES',
    default: String(10 * 1024 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Compressed recording bytes one project may store; segments over it are dropped (outcome rate_limited, reason replay_storage_quota) until retention or deletes make room. 0 = no quota.',
    parse: integer(0, 2 ** 50),
  },

  // Releases and source maps (docs/releases.md): uploads by sentry-cli and the bundler plugins.
  chunkUploadEnabled: {
    env: 'FAULTLINE_CHUNK_UPLOAD_ENABLED',
    default: 'true',
    doc: 'Offer chunked uploads (artifact bundles) to sentry-cli. false: chunk-upload answers 404, so sentry-cli 2.x falls back to per-file release uploads and 3.x cannot upload.',
    parse: boolean,
  },
  artifactStorage: {
    env: 'FAULTLINE_ARTIFACT_STORAGE',
    default: 'auto',
    doc: 'Where uploaded source maps and bundles are kept: database (table blobs; every server process sees them), filesystem (DATA_DIR/artifacts), or auto = database with DATABASE_URL, else filesystem.',
    parse: oneOf(['auto', 'database', 'filesystem'] as const),
  },
  artifactRetentionDays: {
    env: 'FAULTLINE_ARTIFACT_RETENTION_DAYS',
    default: '90',
    unit: 'days',
    doc: 'Artifact bundles and release files neither uploaded nor used for symbolication in this many days are deleted; 0 keeps them forever.',
    parse: integer(0, 36_500),
  },
  artifactChunkRetentionHours: {
    env: 'FAULTLINE_ARTIFACT_CHUNK_RETENTION_HOURS',
    default: '24',
    unit: 'hours',
    doc: 'Uploaded chunks are kept this long after their last upload, so an interrupted upload can resume.',
    parse: integer(1, 24 * 365),
  },
  artifactMaxFileBytes: {
    env: 'FAULTLINE_ARTIFACT_MAX_FILE_BYTES',
    default: String(256 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Largest assembled upload (one artifact bundle or release file), as advertised to sentry-cli.',
    parse: integer(1024 * 1024, 2 ** 40),
  },
  artifactMaxUnpackedBytes: {
    env: 'FAULTLINE_ARTIFACT_MAX_UNPACKED_BYTES',
    default: String(1024 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Total uncompressed size of the files in one artifact bundle; larger bundles are refused (zip bomb guard).',
    parse: integer(1024 * 1024, 2 ** 40),
  },
  artifactMaxBundleFiles: {
    env: 'FAULTLINE_ARTIFACT_MAX_BUNDLE_FILES',
    default: '20000',
    unit: 'files',
    doc: 'Files in one artifact bundle; more is refused.',
    parse: integer(1, 10_000_000),
  },
  sourceMapCacheBytes: {
    env: 'FAULTLINE_SOURCEMAP_CACHE_BYTES',
    default: String(128 * 1024 * 1024),
    unit: 'bytes',
    doc: 'Memory for parsed source maps kept between events (least recently used are dropped).',
    parse: integer(0, 2 ** 40),
  },
  // Alerts (issue #7): e-mail over SMTP, background delivery and evaluation, outbound requests.
  smtpHost: {
    env: 'FAULTLINE_SMTP_HOST',
    default: null,
    doc: 'SMTP server for alert e-mail. Unset: e-mail deliveries fail with "e-mail is not configured".',
    parse: text,
  },
  smtpPort: {
    env: 'FAULTLINE_SMTP_PORT',
    default: '587',
    doc: 'SMTP server port (587 submission with STARTTLS, 465 with FAULTLINE_SMTP_SECURE, 25).',
    parse: integer(1, 65535),
  },
  smtpSecure: {
    env: 'FAULTLINE_SMTP_SECURE',
    default: 'false',
    doc: 'true: TLS from the first byte (port 465); false: plain connection upgraded with STARTTLS when the server offers it.',
    parse: boolean,
  },
  smtpUser: { env: 'FAULTLINE_SMTP_USER', default: null, doc: 'SMTP user name; unset: no authentication.', parse: text },
  smtpPassword: { env: 'FAULTLINE_SMTP_PASSWORD', default: null, doc: 'SMTP password.', parse: text },
  smtpFrom: { env: 'FAULTLINE_SMTP_FROM', default: 'Faultline <faultline@localhost>', doc: 'From address of alert e-mail.', parse: text },
  alertsEnabled: {
    env: 'FAULTLINE_ALERTS_ENABLED',
    default: 'true',
    doc: 'Run alert delivery and scheduled metric-rule evaluation in this process (any number of processes may; each task runs once).',
    parse: boolean,
  },
  alertEvaluationIntervalMs: {
    env: 'FAULTLINE_ALERT_EVALUATION_INTERVAL_MS',
    default: '60000',
    unit: 'ms',
    doc: 'How often metric alert rules are evaluated.',
    parse: integer(1000, 3_600_000),
  },
  alertDeliveryMaxAttempts: {
    env: 'FAULTLINE_ALERT_DELIVERY_MAX_ATTEMPTS',
    default: '8',
    unit: 'attempts',
    doc: 'Attempts per alert notification before it is marked failed (shown on the rule history).',
    parse: integer(1, 100),
  },
  alertDeliveryBackoffMs: {
    env: 'FAULTLINE_ALERT_DELIVERY_BACKOFF_MS',
    default: '30000',
    unit: 'ms',
    doc: 'Wait before the second attempt of a failed notification; doubles per attempt up to the maximum.',
    parse: integer(0, 86_400_000),
  },
  alertDeliveryBackoffMaxMs: {
    env: 'FAULTLINE_ALERT_DELIVERY_BACKOFF_MAX_MS',
    default: '3600000',
    unit: 'ms',
    doc: 'Longest wait between attempts of a failed notification.',
    parse: integer(0, 86_400_000),
  },
  alertHttpTimeoutMs: {
    env: 'FAULTLINE_ALERT_HTTP_TIMEOUT_MS',
    default: '10000',
    unit: 'ms',
    doc: 'Timeout of one notification request (webhooks, Slack, PagerDuty…) or SMTP step.',
    parse: integer(100, 120_000),
  },
  outboundDeny: {
    env: 'FAULTLINE_OUTBOUND_DENY',
    default: '',
    doc: 'Where alert notifications (Slack, Discord, Teams, webhook, PagerDuty) may not be sent, checked when a channel is saved and again after DNS resolution on every send: comma-separated IP addresses, CIDR ranges, host names (*.example.com for subdomains) and the keywords loopback, private (RFC 1918, 100.64/10, fc00::/7) and all. Link-local and cloud metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254), 0.0.0.0/8, multicast and broadcast are always refused. Empty: loopback and private networks are allowed (receivers on your own network).',
    parse: parseAddressList,
  },
  outboundAllow: {
    env: 'FAULTLINE_OUTBOUND_ALLOW',
    default: '',
    doc: 'Exceptions to FAULTLINE_OUTBOUND_DENY, same syntax (e.g. deny all, allow hooks.slack.com,events.pagerduty.com). Never overrides the always-refused addresses.',
    parse: parseAddressList,
  },
  pagerDutyEventsUrl: {
    env: 'FAULTLINE_PAGERDUTY_EVENTS_URL',
    default: 'https://events.pagerduty.com/v2/enqueue',
    doc: 'PagerDuty Events API v2 endpoint (https://events.eu.pagerduty.com/v2/enqueue for EU service regions).',
    parse: httpUrl,
  },
} satisfies Record<string, ConfigKey<unknown>>;

export type ConfigSchema = typeof configSchema;
type Parsed<K> = K extends ConfigKey<infer T> ? T : never;
type Nullable<K> = K extends { default: null } ? true : false;

/** The loaded configuration: keys without a default are null when unset. */
export type Config = {
  readonly [K in keyof ConfigSchema]: Nullable<ConfigSchema[K]> extends true ? Parsed<ConfigSchema[K]> | null : Parsed<ConfigSchema[K]>;
};
