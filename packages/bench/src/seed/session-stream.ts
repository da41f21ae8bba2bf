import { createRng, type Rng } from '../corpus/rng.js';

/**
 * The sessions stage's corpus (docs/performance.md › Sessions): what a fleet of browser apps
 * and Node services would send over `days`, as a stream so a large corpus never sits in memory.
 *
 * - Browser page loads: one `session` item per update, as @sentry/browser sends them — an
 *   `init` (status ok) when the page loads and a final update (exited, or ok/unhandled with
 *   errors, rarely crashed/abnormal) when it ends. Each is one session update.
 * - Server request sessions: a `sessions` item of per-minute aggregates, as @sentry/node sends
 *   them; each counts as the sum of its counters (issue #16: aggregated items count as their sums).
 *
 * Time moves forward through the stream, and releases roll out in order over it: the newest
 * takes most of the traffic and the one before it the rest, so every release has history.
 */
export interface SessionSeedCorpus {
  readonly seed: number;
  /** session updates to generate, aggregates counted as their sums */
  readonly updates: number;
  readonly releases: number;
  readonly days: number;
  readonly endMs: number;
  /** share of envelopes that are a server's `sessions` aggregates; the rest are single page-load updates */
  readonly aggregateShare: number;
}

export interface SessionEnvelope {
  readonly receivedAt: number;
  readonly itemType: 'session' | 'sessions';
  readonly body: Buffer;
  /** updates this envelope counts for */
  readonly updates: number;
}

/** What the stream generated in all: the figures the seeded data must add up to. */
export interface SessionStreamTotals {
  envelopes: number;
  /** individual `session` items */
  items: number;
  /** aggregate lines in `sessions` items */
  aggregateLines: number;
  updates: number;
  /** sessions started: individual inits plus every aggregated session */
  sessionsStarted: number;
}

const ENVIRONMENTS = ['production', 'production', 'production', 'staging'] as const;
const USERS = 20_000;

export function releaseName(i: number): string {
  return `shop@${Math.floor(i / 10) + 1}.${i % 10}.0`;
}

export function createSessionStream(c: SessionSeedCorpus) {
  const rng = createRng(c.seed ^ 0x5e55_1015);
  const startMs = c.endMs - c.days * 86_400_000;
  const totals: SessionStreamTotals = { envelopes: 0, items: 0, aggregateLines: 0, updates: 0, sessionsStarted: 0 };
  /** page loads that started and have not ended yet */
  const open: { sid: string; did: string; startedMs: number; release: string; environment: string }[] = [];

  function releaseAt(progress: number): string {
    const newest = Math.min(c.releases - 1, Math.floor(progress * c.releases));
    return releaseName(newest > 0 && rng.chance(0.3) ? newest - 1 : newest);
  }

  function envelope(receivedAt: number, itemType: SessionEnvelope['itemType'], payload: unknown, updates: number): SessionEnvelope {
    totals.envelopes++;
    totals.updates += updates;
    const body = Buffer.from(`{"sent_at":"${new Date(receivedAt).toISOString()}"}\n{"type":"${itemType}"}\n${JSON.stringify(payload)}\n`);
    return { receivedAt, itemType, body, updates };
  }

  function pageLoad(nowMs: number, progress: number): SessionEnvelope {
    // End an open page load about as often as a new one starts, so few stay open.
    // A page load left open for a day of stream time was closed without a last update, as real
    // tabs often are (Relay would drop an update for a session started 5 days before it).
    while (open.length > 0 && (open[0] as (typeof open)[number]).startedMs < nowMs - 86_400_000) open.shift();
    if (open.length > 0 && (open.length > 200 || rng.chance(0.5))) {
      const s = open.splice(rng.int(0, open.length - 1), 1)[0] as (typeof open)[number];
      const roll = rng.next();
      const [status, errors] =
        roll < 0.85 ? ['exited', 0] : roll < 0.93 ? ['exited', 1] : roll < 0.98 ? ['unhandled', 1] : roll < 0.995 ? ['crashed', 1] : ['abnormal', 0];
      const payload = {
        sid: s.sid,
        did: s.did,
        init: false,
        started: new Date(s.startedMs).toISOString(),
        timestamp: new Date(nowMs).toISOString(),
        status,
        errors,
        duration: Math.max(0, (nowMs - s.startedMs) / 1000),
        attrs: { release: s.release, environment: s.environment, user_agent: 'Mozilla/5.0 (bench)' },
      };
      totals.items++;
      return envelope(nowMs, 'session', payload, 1);
    }
    const s = { sid: rng.hex(32), did: `user-${rng.int(1, USERS)}`, startedMs: nowMs, release: releaseAt(progress), environment: rng.pick(ENVIRONMENTS) };
    open.push(s);
    totals.items++;
    totals.sessionsStarted++;
    const payload = {
      sid: s.sid,
      did: s.did,
      init: true,
      started: new Date(nowMs).toISOString(),
      timestamp: new Date(nowMs).toISOString(),
      status: 'ok',
      errors: 0,
      attrs: { release: s.release, environment: s.environment, user_agent: 'Mozilla/5.0 (bench)' },
    };
    return envelope(nowMs, 'session', payload, 1);
  }

  function serverAggregate(nowMs: number, progress: number, r: Rng): SessionEnvelope {
    const minute = Math.floor(nowMs / 60_000) * 60_000;
    const lines = r.int(1, 5);
    const aggregates = [];
    let sum = 0;
    for (let i = 0; i < lines; i++) {
      const exited = r.int(5, 60);
      const errored = r.chance(0.3) ? r.int(1, 3) : 0;
      const crashed = r.chance(0.1) ? 1 : 0;
      sum += exited + errored + crashed;
      aggregates.push({ started: new Date(minute - i * 60_000).toISOString(), exited, errored, crashed });
    }
    totals.aggregateLines += lines;
    totals.sessionsStarted += sum;
    return envelope(nowMs, 'sessions', { aggregates, attrs: { release: releaseAt(progress), environment: r.pick(ENVIRONMENTS) } }, sum);
  }

  return {
    totals,
    /** The next envelope, or null once `updates` have been generated. */
    next(): SessionEnvelope | null {
      if (totals.updates >= c.updates) return null;
      const progress = totals.updates / c.updates;
      const nowMs = Math.round(startMs + progress * (c.endMs - startMs));
      return rng.chance(c.aggregateShare) ? serverAggregate(nowMs, progress, rng) : pageLoad(nowMs, progress);
    },
  };
}
