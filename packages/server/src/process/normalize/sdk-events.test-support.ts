// Test support (not a test, not exported from index.ts): the event and transaction payloads
// of the real SDK captures kept in packages/server/test-fixtures/<sdk-dir>/ (original file names;
// docs/wire-format.md › Capture tags). Shared by the normalize, filter and scrub tests. Envelopes go
// through the real envelope parser.
import { readdirSync, readFileSync } from 'node:fs';
import { type EnvelopeHeaders, parseEnvelope, parseTimestamp } from '@faultline/protocol';
import { type NormalizedEvent, normalizeEvent, type ProcessingNote } from './index.js';

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);

/** A documentation address (RFC 5737), so tests can tell it came from ingest. */
export const CLIENT_IP = '203.0.113.7';

export interface CapturedEvent {
  /** `<sdk-dir>/<file>`, plus `#n` when the file holds several event items. */
  readonly name: string;
  readonly itemType: 'event' | 'transaction';
  readonly payload: Record<string, unknown>;
  readonly envelopeHeaders: EnvelopeHeaders | undefined;
  /** `sent_at` (or the payload timestamp) + 50 ms: what ingest would have stamped. */
  readonly receivedAt: number;
}

// Files other engineers copy next to ours (sessions, replays, check-ins…) are ignored.
const CAPTURE_FILE = /--(?:tunnel-)?(?:envelope-(?:event|transaction)(?:\+[a-z_]+)*|store)\.txt$/;

let cache: CapturedEvent[] | undefined;

export function loadCapturedEvents(): CapturedEvent[] {
  if (cache !== undefined) return cache;
  const out: CapturedEvent[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const files = readdirSync(new URL(`${dir.name}/`, FIXTURES)).sort();
    for (const file of files) {
      if (!CAPTURE_FILE.test(file) || files.includes(file.replace(/\.txt$/, '.body.bin'))) continue;
      out.push(...eventsOf(`${dir.name}/${file}`));
    }
  }
  cache = out;
  return out;
}

export function capturedEvent(name: string): CapturedEvent {
  const found = loadCapturedEvents().find((c) => c.name === name);
  if (found === undefined) throw new Error(`captured event ${name} not found`);
  return found;
}

/** A fresh, unshared copy of a capture's payload, for tests that plant data in it. */
export function payloadCopy(name: string): Record<string, unknown> {
  return structuredClone(capturedEvent(name).payload);
}

/** Normalizes a capture (or a modified payload of it) the way the pipeline will. */
export function normalizeCaptured(name: string, payload?: Record<string, unknown>): NormalizedEvent {
  return normalizeCapturedWithNotes(name, payload).event;
}

export function normalizeCapturedWithNotes(name: string, payload?: Record<string, unknown>): { event: NormalizedEvent; notes: ProcessingNote[] } {
  const capture = capturedEvent(name);
  const result = normalizeEvent(payload ?? capture.payload, {
    receivedAt: capture.receivedAt,
    projectId: 1,
    itemType: capture.itemType,
    envelopeHeaders: capture.envelopeHeaders,
    clientIp: CLIENT_IP,
  });
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return { event: result.event, notes: result.notes };
}

function eventsOf(name: string): CapturedEvent[] {
  const raw = readFileSync(new URL(name, FIXTURES));
  const blank = raw.indexOf('\n\n');
  if (blank === -1) throw new Error(`${name}: no blank line after the request headers`);
  const body = raw.subarray(blank + 2);
  if (name.endsWith('--store.txt')) {
    const payload = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return [{ name, itemType: 'event', payload, envelopeHeaders: undefined, receivedAt: receivedAt(undefined, payload) }];
  }
  const parsed = parseEnvelope(body);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  const items = parsed.envelope.items.filter((i) => i.type === 'event' || i.type === 'transaction');
  return items.map((item, n) => {
    const payload = JSON.parse(Buffer.from(item.payload).toString('utf8')) as Record<string, unknown>;
    return {
      name: n === 0 ? name : `${name}#${n}`,
      itemType: item.type as 'event' | 'transaction',
      payload,
      envelopeHeaders: parsed.envelope.headers,
      receivedAt: receivedAt(parsed.envelope.headers.sent_at, payload),
    };
  });
}

function receivedAt(sentAt: unknown, payload: Record<string, unknown>): number {
  const sent = parseTimestamp(sentAt);
  if (sent.ok) return Math.round(sent.ms) + 50;
  const ts = parseTimestamp(payload.timestamp);
  if (ts.ok) return Math.round(ts.ms) + 50;
  throw new Error('capture has neither sent_at nor a timestamp');
}
