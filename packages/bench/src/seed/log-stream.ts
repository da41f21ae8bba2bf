import { createRng } from '../corpus/rng.js';

/**
 * The logs stage's corpus (docs/performance.md › Logs): what a fleet of Node services with
 * `enableLogs` would send over `hours`, as a stream so a large corpus never sits in memory.
 * Each envelope is one `log` item of `linesPerEnvelope` lines, as the SDK batches them: mostly
 * info and debug, some warnings, few errors; a share of lines from `logger.fmt` templates with
 * their parameters; typed attributes (ids, durations, flags) and the `sentry.*` attributes the
 * SDK adds; lines of one request share a trace id.
 */
export interface LogSeedCorpus {
  readonly seed: number;
  readonly lines: number;
  readonly linesPerEnvelope: number;
  readonly hours: number;
  readonly endMs: number;
}

export interface LogEnvelope {
  readonly receivedAt: number;
  readonly body: Buffer;
  readonly lines: number;
}

/** What the stream generated in all: the figures the stored lines must add up to. */
export interface LogStreamTotals {
  envelopes: number;
  lines: number;
  /** lines by level */
  errors: number;
  bytes: number;
}

const LEVELS: readonly [string, number, number][] = [
  // level, severity number, share
  ['trace', 1, 0.02],
  ['debug', 5, 0.18],
  ['info', 9, 0.6],
  ['warn', 13, 0.12],
  ['error', 17, 0.07],
  ['fatal', 21, 0.01],
];
const ROUTES = ['/api/cart', '/api/checkout', '/api/users/:id', '/api/search', '/health', '/api/orders', '/api/orders/:id', '/login'];
const MESSAGES = [
  'User logged in',
  'Cache miss for session',
  'Request handled',
  'Retrying upstream call',
  'Payment provider timeout',
  'Feature flag evaluated',
];
const TEMPLATES = ['Cart total %s exceeds %s', 'Order %s shipped to %s', 'Query took %s ms on %s', 'User %s failed login %s times'];

export function createLogStream(c: LogSeedCorpus) {
  const rng = createRng(c.seed ^ 0x10c5_10c5);
  const startMs = c.endMs - c.hours * 3_600_000;
  const totals: LogStreamTotals = { envelopes: 0, lines: 0, errors: 0, bytes: 0 };
  let traceId = rng.hex(32);

  function level(): [string, number] {
    let roll = rng.next();
    for (const [name, n, share] of LEVELS) {
      if (roll < share) return [name, n];
      roll -= share;
    }
    return ['info', 9];
  }

  function line(nowMs: number) {
    // A request logs a few lines, then the next request starts a new trace.
    if (rng.chance(0.25)) traceId = rng.hex(32);
    const [name, severity] = level();
    if (name === 'error' || name === 'fatal') totals.errors++;
    const attributes: Record<string, { value: string | number | boolean; type: string }> = {
      'sentry.release': { value: `shop@${1 + rng.int(0, 4)}.0.0`, type: 'string' },
      'sentry.environment': { value: rng.chance(0.8) ? 'production' : 'staging', type: 'string' },
      'sentry.sdk.name': { value: 'sentry.javascript.node', type: 'string' },
      'sentry.sdk.version': { value: '11.12.0', type: 'string' },
      'server.address': { value: `web-${rng.int(1, 8)}`, type: 'string' },
      route: { value: rng.pick(ROUTES), type: 'string' },
      userId: { value: rng.int(1, 50_000), type: 'integer' },
      duration: { value: Math.round(rng.next() * 2000 * 100) / 100, type: 'double' },
      cached: { value: rng.chance(0.5), type: 'boolean' },
    };
    let body: string;
    if (rng.chance(0.3)) {
      const template = rng.pick(TEMPLATES);
      const a = rng.int(1, 9999);
      const b = rng.pick(ROUTES);
      body = template.replace('%s', String(a)).replace('%s', b);
      attributes['sentry.message.template'] = { value: template, type: 'string' };
      attributes['sentry.message.parameter.0'] = { value: a, type: 'integer' };
      attributes['sentry.message.parameter.1'] = { value: b, type: 'string' };
    } else body = `${rng.pick(MESSAGES)} (request ${rng.hex(8)})`;
    return { timestamp: (nowMs - rng.int(0, 2000)) / 1000, level: name, body, trace_id: traceId, severity_number: severity, attributes };
  }

  return {
    totals,
    /** The next envelope, or null once `lines` have been generated. */
    next(): LogEnvelope | null {
      if (totals.lines >= c.lines) return null;
      const progress = totals.lines / c.lines;
      const nowMs = Math.round(startMs + progress * (c.endMs - startMs));
      const n = Math.min(c.linesPerEnvelope, c.lines - totals.lines);
      const items = Array.from({ length: n }, () => line(nowMs));
      const payload = JSON.stringify({ version: 2, items });
      const body = Buffer.from(
        `{"sdk":{"name":"sentry.javascript.node","version":"11.12.0"}}\n{"type":"log","item_count":${n},"content_type":"application/vnd.sentry.items.log+json"}\n${payload}\n`,
      );
      totals.envelopes++;
      totals.lines += n;
      totals.bytes += body.length;
      return { receivedAt: nowMs, body, lines: n };
    },
  };
}
