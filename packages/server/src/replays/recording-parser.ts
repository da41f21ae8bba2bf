import { inflateSync } from 'node:zlib';
import { isJsonObject, type JsonValue, parseJsonPayload } from '@faultline/protocol';

/**
 * The `replay_recording` item (Sentry developer docs, "Session Replay" › "Recording"): a
 * one-line JSON header `{"segment_id":N}`, a newline, then the recording: a JSON array of
 * rrweb events, sent raw or zlib-compressed (deflate with a zlib header). Never throws; every
 * failure has a reason that becomes the item's invalid outcome. Linear in the payload: the
 * header is read up to the first newline, inflating stops at `maxInflatedBytes`, and nesting
 * is bounded before JSON.parse runs.
 */
export interface ParsedRecording {
  readonly segmentId: number;
  /** the rrweb events */
  readonly events: JsonValue[];
  /** the SDK's compressed bytes when it sent zlib (kept as sent if scrubbing changes nothing) */
  readonly zlib: Uint8Array | null;
  /** bytes of the recording's JSON text */
  readonly inflatedBytes: number;
}

export type RecordingParse = { readonly ok: true; readonly recording: ParsedRecording } | { readonly ok: false; readonly reason: string };

/** Segment ids above this are not sequence numbers an SDK produces (one segment per 5 s would take years). */
export const MAX_SEGMENT_ID = 1_000_000;
/** rrweb nests two JSON levels per DOM level; browsers cap DOM depth around 512. */
export const MAX_RECORDING_DEPTH = 1100;
// The header is tiny; a longer first line is not a header.
const maxHeaderBytes = 1024;

export function parseRecording(payload: Uint8Array, maxInflatedBytes: number): RecordingParse {
  const limit = Math.min(payload.length, maxHeaderBytes);
  let newline = -1;
  for (let i = 0; i < limit; i++) {
    if (payload[i] === 0x0a) {
      newline = i;
      break;
    }
  }
  if (newline < 0) return { ok: false, reason: 'missing_segment_header' };
  const header = parseJsonPayload(payload.subarray(0, newline), 4);
  if (!header.ok || !isJsonObject(header.value)) return { ok: false, reason: 'invalid_segment_header' };
  const segmentId = header.value.segment_id;
  if (typeof segmentId !== 'number' || !Number.isInteger(segmentId)) return { ok: false, reason: 'invalid_segment_id' };
  if (segmentId < 0 || segmentId > MAX_SEGMENT_ID) return { ok: false, reason: 'invalid_segment_id' };
  const body = payload.subarray(newline + 1);
  let json: Uint8Array;
  let zlib: Uint8Array | null = null;
  // Raw recordings start with `[` (rrweb's event array; `{` is JSON too, just not an array); anything else must be zlib.
  if (!startsLikeJson(body)) {
    try {
      json = inflateSync(body, { maxOutputLength: maxInflatedBytes });
    } catch (err) {
      const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return { ok: false, reason: tooLarge ? 'recording_too_large' : 'invalid_compression' };
    }
    zlib = body;
  } else {
    if (body.length > maxInflatedBytes) return { ok: false, reason: 'recording_too_large' };
    json = body;
  }
  const parsed = parseJsonPayload(json, MAX_RECORDING_DEPTH);
  if (!parsed.ok) return { ok: false, reason: 'invalid_recording_json' };
  if (!Array.isArray(parsed.value)) return { ok: false, reason: 'recording_not_array' };
  return { ok: true, recording: { segmentId, events: parsed.value, zlib, inflatedBytes: json.length } };
}

function startsLikeJson(body: Uint8Array): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x5b || byte === 0x7b;
  }
  return true;
}
