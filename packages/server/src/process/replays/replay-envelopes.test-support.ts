// Test support (not a test): replay envelopes as @sentry/browser 11 builds them (one
// replay_event and one replay_recording per segment; header line, newline, zlib rrweb JSON).
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { newEventId } from '../../testing/index.js';

export const browserFixtures = new URL('../../../test-fixtures/sentry-browser-11.12.0/', import.meta.url);

/** The recorded envelope body the browser SDK sent (binary: the recording is zlib). */
export function capturedReplayBody(name = '007-default--envelope-replay_event+replay_recording.body.bin'): Buffer {
  return readFileSync(new URL(name, browserFixtures));
}

export interface SegmentOptions {
  readonly replayId: string;
  readonly segmentId: number;
  /** rrweb events; default: a meta event and a full snapshot with one text node */
  readonly events?: unknown[];
  /** the recording bytes as sent (overrides events) */
  readonly recording?: Uint8Array;
  /** the whole replay_recording payload (overrides header + recording) */
  readonly payload?: Uint8Array;
  readonly compress?: boolean;
  /** replay_event fields; null = no replay_event item */
  readonly event?: Record<string, unknown> | null;
  readonly startedAt?: number;
  readonly timestamp?: number;
}

export function defaultEvents(text = 'Checkout', href = 'http://localhost:8080/'): unknown[] {
  return [
    { type: 4, timestamp: 1795275202981, data: { href, width: 800, height: 600 } },
    {
      type: 2,
      timestamp: 1795275202982,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [{ type: 2, id: 2, tagName: 'html', attributes: {}, childNodes: [{ type: 3, id: 3, textContent: text }] }],
        },
        initialOffset: { left: 0, top: 0 },
      },
    },
  ];
}

export function replaySegment(o: SegmentOptions): Buffer {
  const json = Buffer.from(JSON.stringify(o.events ?? defaultEvents()));
  const recording = o.recording ?? (o.compress === false ? json : deflateSync(json));
  const payload = o.payload ?? Buffer.concat([Buffer.from(`${JSON.stringify({ segment_id: o.segmentId })}\n`), recording]);
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ event_id: o.replayId, sent_at: new Date().toISOString() })}\n`)];
  if (o.event !== null) {
    const started = o.startedAt ?? 1795275202.7486;
    const event = {
      type: 'replay_event',
      replay_id: o.replayId,
      segment_id: o.segmentId,
      replay_type: 'session',
      replay_start_timestamp: started,
      timestamp: o.timestamp ?? started + 5 + o.segmentId * 5,
      error_ids: [],
      trace_ids: [],
      urls: [`http://localhost:8080/page-${o.segmentId}`],
      platform: 'javascript',
      environment: 'production',
      release: 'shop@1.0.0',
      sdk: { name: 'sentry.javascript.browser', version: '11.12.0' },
      ...o.event,
    };
    const eventJson = JSON.stringify(event);
    parts.push(Buffer.from(`{"type":"replay_event"}\n${eventJson}\n`));
  }
  parts.push(Buffer.from(`${JSON.stringify({ type: 'replay_recording', length: payload.length })}\n`), Buffer.from(payload), Buffer.from('\n'));
  return Buffer.concat(parts);
}

export { newEventId };
