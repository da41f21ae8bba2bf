import { inflateSync } from 'node:zlib';
import { isJsonObject, type JsonObject, normalizeEventId, parseJsonPayload, serializeEnvelope } from '@faultline/protocol';
import { fail, randomHex } from '../kernel/index.js';

const OPEN_BRACE = 0x7b;
const maxSecurityReports = 100;

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b;
  return undefined;
}

/**
 * `POST /api/{id}/store/` (docs/ingest.md › Endpoints): one event JSON becomes an envelope with one
 * `event` item (`transaction` when the body says so). Very old SDKs sent
 * base64(zlib(json)) without a header; that is decoded within the same cap.
 */
export function storeBodyToEnvelope(body: Buffer, maxBytes: number): { envelope: Uint8Array; eventId: string } {
  let json: Uint8Array = body;
  if (firstNonSpace(body) !== OPEN_BRACE && body.length > 0) {
    try {
      json = inflateSync(Buffer.from(body.toString('latin1').trim(), 'base64'), { maxOutputLength: maxBytes });
    } catch {
      fail('bad_request', 'invalid store body: not JSON and not base64-encoded zlib');
    }
  }
  const parsed = parseJsonPayload(json);
  if (!parsed.ok) fail('bad_request', `invalid store body: ${parsed.reason}`);
  if (!isJsonObject(parsed.value)) fail('bad_request', 'invalid store body: an event must be a JSON object');
  let eventId = randomHex(16);
  if (parsed.value.event_id !== undefined && parsed.value.event_id !== null) {
    const id = normalizeEventId(parsed.value.event_id);
    if (!id.ok) fail('bad_request', `invalid store body: event_id ${id.reason}`);
    eventId = id.id;
  }
  const type = parsed.value.type === 'transaction' ? 'transaction' : 'event';
  return { envelope: serializeEnvelope({ event_id: eventId }, [{ headers: { type }, payload: json }]), eventId };
}

/**
 * `POST /api/{id}/security/` (Sentry product docs, Security Policy Reporting): a CSP report (`application/csp-report`,
 * `{"csp-report": {…}}`), a Reporting API batch (`application/reports+json`, an array of
 * `{type, body, …}`), or an Expect-CT/HPKP report object. Each report becomes one
 * `security` item, kept for the processor that turns it into an event. The optional
 * `sentry_release`/`sentry_environment` query parameters travel in the item headers.
 */
export function securityBodyToEnvelope(body: Buffer, contentType: string | undefined, extra: { release?: string; environment?: string }): Uint8Array {
  const parsed = parseJsonPayload(body);
  if (!parsed.ok) fail('bad_request', `invalid security report: ${parsed.reason}`);
  const reports: JsonObject[] = [];
  if (Array.isArray(parsed.value)) {
    if (parsed.value.length > maxSecurityReports) fail('bad_request', `invalid security report: more than ${maxSecurityReports} reports`);
    for (const r of parsed.value) {
      if (!isJsonObject(r)) fail('bad_request', 'invalid security report: every report must be a JSON object');
      reports.push(r);
    }
  } else if (isJsonObject(parsed.value)) reports.push(parsed.value);
  if (reports.length === 0) fail('bad_request', 'invalid security report: expected a report object or a non-empty array of reports');
  const headers: JsonObject & { type: string } = {
    type: 'security',
    content_type: (contentType ?? 'application/json').split(';')[0]?.trim() || 'application/json',
  };
  if (extra.release) headers.sentry_release = extra.release;
  if (extra.environment) headers.sentry_environment = extra.environment;
  // A single report is kept byte for byte; a batch is split into one item per report.
  const items =
    reports.length === 1 && !Array.isArray(parsed.value) ? [{ headers, payload: body }] : reports.map((r) => ({ headers, payload: JSON.stringify(r) }));
  return serializeEnvelope({}, items);
}
