import { createHash } from 'node:crypto';
import { type DDSketch, encodeSketch, newSketch } from '../performance/index.js';
import type { SessionAggregate, SessionStatus, SessionUpdate } from './session-parsers.js';

/**
 * What one batch of session items adds to the release-health tables, accumulated in memory so
 * the write is one batched upsert per table (docs/release-health.md › Storage). The rules are
 * Relay's metric extraction (https://develop.sentry.dev/sdk/telemetry/sessions/ and
 * docs/release-health.md › What is counted), keyed by the hour of the session's `started`.
 */

const hourMs = 3_600_000;

/** Kinds of the distinct sets in `session_sets`. */
export const SET_KIND = {
  erroredSession: 0,
  user: 1,
  erroredUser: 2,
  crashedUser: 3,
  abnormalUser: 4,
  unhandledUser: 5,
  anrForegroundUser: 6,
  anrBackgroundUser: 7,
} as const;

export interface SessionKey {
  readonly projectId: number;
  readonly release: string;
  readonly environment: string;
  /** start of the hour of `started`, epoch ms */
  readonly bucket: number;
}

export interface SessionCounterDelta extends SessionKey {
  inits: number;
  erroredPreaggr: number;
  crashed: number;
  abnormal: number;
  unhandled: number;
  durationCount: number;
  durationSum: number;
  durationMax: number | null;
}

export interface SessionSetRow extends SessionKey {
  readonly kind: number;
  readonly digest: string;
}

export interface SessionSketchRow extends SessionKey {
  readonly sketch: Uint8Array;
}

export interface SessionRows {
  readonly counters: readonly SessionCounterDelta[];
  readonly sets: readonly SessionSetRow[];
  readonly sketches: readonly SessionSketchRow[];
}

/** 64 bits of SHA-256: collisions are negligible at any realistic number of users per hour. */
export function sessionDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

const ERRORED_STATUSES: ReadonlySet<SessionStatus> = new Set(['errored', 'crashed', 'abnormal', 'unhandled']);

export class SessionDeltas {
  private readonly counters = new Map<string, SessionCounterDelta>();
  private readonly sets = new Map<string, SessionSetRow>();
  private readonly sketches = new Map<string, { key: SessionKey; sketch: DDSketch }>();

  /** One `session` update: init counts the session, the errored set counts it once however many updates say so. */
  addUpdate(projectId: number, u: SessionUpdate): void {
    const key = keyOf(projectId, u.release, u.environment, u.startedMs);
    const c = this.counter(key);
    if (u.init) c.inits++;
    const errored = u.errors > 0 || ERRORED_STATUSES.has(u.status);
    if (errored) this.addSet(key, SET_KIND.erroredSession, normalizeSid(u.sid));
    if (u.status === 'crashed') c.crashed++;
    if (u.status === 'abnormal') c.abnormal++;
    if (u.status === 'unhandled') c.unhandled++;
    if (u.status === 'exited' && u.duration !== null) {
      c.durationCount++;
      c.durationSum += u.duration;
      c.durationMax = Math.max(c.durationMax ?? 0, u.duration);
      this.sketch(key).accept(u.duration);
    }
    if (u.did === null) return;
    this.addSet(key, SET_KIND.user, u.did);
    if (errored) this.addSet(key, SET_KIND.erroredUser, u.did);
    if (u.status === 'crashed') this.addSet(key, SET_KIND.crashedUser, u.did);
    if (u.status === 'unhandled') this.addSet(key, SET_KIND.unhandledUser, u.did);
    if (u.status === 'abnormal') {
      this.addSet(key, SET_KIND.abnormalUser, u.did);
      if (u.abnormalMechanism === 'anr_foreground') this.addSet(key, SET_KIND.anrForegroundUser, u.did);
      if (u.abnormalMechanism === 'anr_background') this.addSet(key, SET_KIND.anrBackgroundUser, u.did);
    }
  }

  /** One bucket of a `sessions` item: every counted session started; all but `exited` are errored. */
  addAggregate(projectId: number, a: SessionAggregate): void {
    const key = keyOf(projectId, a.release, a.environment, a.startedMs);
    const c = this.counter(key);
    const erroredAll = a.errored + a.abnormal + a.unhandled + a.crashed;
    c.inits += a.exited + erroredAll;
    c.erroredPreaggr += erroredAll;
    c.crashed += a.crashed;
    c.abnormal += a.abnormal;
    c.unhandled += a.unhandled;
    if (a.did === null) return;
    this.addSet(key, SET_KIND.user, a.did);
    if (erroredAll > 0) this.addSet(key, SET_KIND.erroredUser, a.did);
    if (a.crashed > 0) this.addSet(key, SET_KIND.crashedUser, a.did);
    if (a.abnormal > 0) this.addSet(key, SET_KIND.abnormalUser, a.did);
    if (a.unhandled > 0) this.addSet(key, SET_KIND.unhandledUser, a.did);
  }

  get isEmpty(): boolean {
    return this.counters.size === 0;
  }

  rows(): SessionRows {
    return {
      counters: [...this.counters.values()],
      sets: [...this.sets.values()],
      sketches: [...this.sketches.values()].map(({ key, sketch }) => ({ ...key, sketch: encodeSketch(sketch) })),
    };
  }

  private counter(key: SessionKey): SessionCounterDelta {
    const id = idOf(key);
    let c = this.counters.get(id);
    if (c === undefined) {
      c = { ...key, inits: 0, erroredPreaggr: 0, crashed: 0, abnormal: 0, unhandled: 0, durationCount: 0, durationSum: 0, durationMax: null };
      this.counters.set(id, c);
    }
    return c;
  }

  private addSet(key: SessionKey, kind: number, value: string): void {
    const digest = sessionDigest(value);
    this.sets.set(`${idOf(key)}\u0000${kind}\u0000${digest}`, { ...key, kind, digest });
  }

  private sketch(key: SessionKey): DDSketch {
    const id = idOf(key);
    let s = this.sketches.get(id);
    if (s === undefined) {
      s = { key, sketch: newSketch() };
      this.sketches.set(id, s);
    }
    return s.sketch;
  }
}

function keyOf(projectId: number, release: string, environment: string, startedMs: number): SessionKey {
  return { projectId, release, environment, bucket: startedMs - (startedMs % hourMs) };
}

function idOf(k: SessionKey): string {
  return `${k.projectId}\u0000${k.release}\u0000${k.environment}\u0000${k.bucket}`;
}

/** JS SDKs send 32 hex digits, Python hyphenated UUIDs: one session id either way. */
function normalizeSid(sid: string): string {
  return sid.replaceAll('-', '').toLowerCase();
}
