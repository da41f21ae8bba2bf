/**
 * Every configuration key: environment variable, default, unit and one doc line.
 * `docs/config.md` is generated from this table (`faultline config-doc`).
 */
import { RELAY_DEFAULT_LIMITS } from '@faultline/protocol';

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
  dataDir: { env: 'FAULTLINE_DATA_DIR', default: './data', doc: 'Directory for the embedded SQLite database, the generated secret key and stored artifacts.', parse: text },
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
    parse: (raw: string): ParseResult<string> => (/^[^\s@]+@[^\s@]+$/.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, reason: `must be an e-mail address, got "${raw}"` }),
  },
  adminPassword: {
    env: 'FAULTLINE_ADMIN_PASSWORD',
    default: null,
    doc: 'Password of the admin user created on first start. Unset: a random one is generated and printed once.',
    parse: (raw: string): ParseResult<string> => (raw.length >= 8 ? { ok: true, value: raw } : { ok: false, reason: 'must be at least 8 characters' }),
  },
  logLevel: { env: 'FAULTLINE_LOG_LEVEL', default: 'info', doc: 'Log level of the JSON logs on stderr.', parse: oneOf(logLevels) },

  // Ingest size limits: Relay's defaults (reference §3.4); exceeding one answers 413.
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
    doc: 'How long a DSN key lookup is cached; disabling a key takes effect within this time.',
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
} satisfies Record<string, ConfigKey<unknown>>;

export type ConfigSchema = typeof configSchema;
type Parsed<K> = K extends ConfigKey<infer T> ? T : never;
type Nullable<K> = K extends { default: null } ? true : false;

/** The loaded configuration: keys without a default are null when unset. */
export type Config = {
  readonly [K in keyof ConfigSchema]: Nullable<ConfigSchema[K]> extends true ? Parsed<ConfigSchema[K]> | null : Parsed<ConfigSchema[K]>;
};
