/**
 * Every configuration key: environment variable, default, unit and one doc line.
 * `docs/config.md` is generated from this table (`faultline config-doc`).
 */
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
} satisfies Record<string, ConfigKey<unknown>>;

export type ConfigSchema = typeof configSchema;
type Parsed<K> = K extends ConfigKey<infer T> ? T : never;
type Nullable<K> = K extends { default: null } ? true : false;

/** The loaded configuration: keys without a default are null when unset. */
export type Config = {
  readonly [K in keyof ConfigSchema]: Nullable<ConfigSchema[K]> extends true ? Parsed<ConfigSchema[K]> | null : Parsed<ConfigSchema[K]>;
};
