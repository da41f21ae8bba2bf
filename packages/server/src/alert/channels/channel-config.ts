import { randomBytes } from 'node:crypto';

export const CHANNEL_TYPES = ['slack', 'email', 'webhook', 'discord', 'teams', 'pagerduty'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type ChannelConfig =
  | { type: 'slack'; webhookUrl: string }
  | { type: 'discord'; webhookUrl: string }
  | { type: 'teams'; webhookUrl: string }
  | { type: 'webhook'; url: string; secret: string }
  | { type: 'pagerduty'; routingKey: string }
  | { type: 'email'; recipients: string[] };

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isChannelType(v: unknown): v is ChannelType {
  return typeof v === 'string' && (CHANNEL_TYPES as readonly string[]).includes(v);
}

function url(raw: unknown, name: string): Parsed<string> {
  if (typeof raw !== 'string' || raw.length > 2000) return { ok: false, reason: `${name} must be an http(s) URL` };
  try {
    const u = new URL(raw);
    if (u.protocol === 'https:' || u.protocol === 'http:') return { ok: true, value: raw };
  } catch {
    // reported below
  }
  return { ok: false, reason: `${name} must be an http(s) URL` };
}

const emailPattern = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/**
 * Validates a channel's settings. `previous` is the stored config on update: secrets
 * the API never shows back (webhook secret, routing key, webhook URLs) are kept when
 * the update leaves them out.
 */
export function parseChannelConfig(type: ChannelType, raw: unknown, previous?: ChannelConfig): Parsed<ChannelConfig> {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) return { ok: false, reason: 'config must be an object' };
  const c = (raw ?? {}) as Record<string, unknown>;
  const prev = previous?.type === type ? (previous as Record<string, unknown>) : {};
  const pick = (name: string) => (c[name] === undefined ? prev[name] : c[name]);
  switch (type) {
    case 'slack':
    case 'discord':
    case 'teams': {
      const u = url(pick('webhookUrl'), 'config.webhookUrl');
      return u.ok ? { ok: true, value: { type, webhookUrl: u.value } } : u;
    }
    case 'webhook': {
      const u = url(pick('url'), 'config.url');
      if (!u.ok) return u;
      const secret = pick('secret') ?? randomBytes(32).toString('hex');
      if (typeof secret !== 'string' || secret.length < 16 || secret.length > 256) return { ok: false, reason: 'config.secret must be 16–256 characters' };
      return { ok: true, value: { type, url: u.value, secret } };
    }
    case 'pagerduty': {
      const key = pick('routingKey');
      if (typeof key !== 'string' || !/^[A-Za-z0-9]{20,64}$/.test(key))
        return { ok: false, reason: 'config.routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration' };
      return { ok: true, value: { type, routingKey: key } };
    }
    case 'email': {
      const list = pick('recipients');
      if (!Array.isArray(list) || list.length === 0 || list.length > 50)
        return { ok: false, reason: 'config.recipients must be a list of 1–50 e-mail addresses' };
      const bad = list.find((r) => typeof r !== 'string' || r.length > 254 || !emailPattern.test(r));
      if (bad !== undefined) return { ok: false, reason: `config.recipients: ${JSON.stringify(bad)} is not an e-mail address` };
      return { ok: true, value: { type, recipients: [...new Set(list as string[])] } };
    }
  }
}

/** Reads a stored config; a row that no longer validates is reported, not guessed at. */
export function storedChannelConfig(type: string, raw: unknown): Parsed<ChannelConfig> {
  if (!isChannelType(type)) return { ok: false, reason: `unknown channel type "${type}"` };
  return parseChannelConfig(type, raw);
}

function mask(secret: string): string {
  return secret.length <= 8 ? '********' : `********${secret.slice(-4)}`;
}

function maskUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}/********${raw.slice(-4)}`;
  } catch {
    return mask(raw);
  }
}

/**
 * What the API shows of a config: webhook URLs of chat services, secrets and routing keys
 * are credentials, so only their last characters are shown after creation.
 */
export function publicChannelConfig(config: ChannelConfig, reveal: boolean): Record<string, unknown> {
  switch (config.type) {
    case 'slack':
    case 'discord':
    case 'teams':
      return { webhookUrl: reveal ? config.webhookUrl : maskUrl(config.webhookUrl) };
    case 'webhook':
      return { url: config.url, secret: reveal ? config.secret : mask(config.secret) };
    case 'pagerduty':
      return { routingKey: reveal ? config.routingKey : mask(config.routingKey) };
    case 'email':
      return { recipients: config.recipients };
  }
}
