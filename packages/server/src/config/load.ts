import { type Config, type ConfigKey, configSchema } from './schema.js';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * The only reader of the environment. Reports every problem at once, then
 * returns a frozen object; `FAULTLINE_URL` defaults to the local port.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(configSchema) as [string, ConfigKey<unknown>][]) {
    const raw = env[key.env];
    const source = raw === undefined || raw === '' ? key.default : raw;
    if (source === null) {
      out[name] = null;
      continue;
    }
    const parsed = key.parse(source);
    if (parsed.ok) out[name] = parsed.value;
    else problems.push(`${key.env} ${parsed.reason}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (out.publicUrl === null) out.publicUrl = `http://localhost:${out.port as number}`;
  return Object.freeze(out) as Config;
}

export function renderConfigDoc(): string {
  const rows = Object.values(configSchema).map((k: ConfigKey<unknown>) => `| \`${k.env}\` | ${k.default === null ? '—' : `\`${k.default}\``} | ${k.doc} |`);
  return [
    '# Configuration',
    '',
    'Generated from `packages/server/src/config/schema.ts`. Every key is an environment variable.',
    '',
    '| variable | default | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
