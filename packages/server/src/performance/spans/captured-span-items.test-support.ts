// Test support: the `transaction` and `span` items of the real SDK captures in
// packages/server/test-fixtures/<sdk-dir>/, read through the real envelope parser.
import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonObject, parseEnvelope } from '@faultline/protocol';

const FIXTURES = new URL('../../../test-fixtures/', import.meta.url);

export interface CapturedSpanItem {
  readonly type: 'transaction' | 'span';
  readonly payload: JsonObject;
  readonly envelopeTrace: JsonObject | undefined;
}

export function capturedSpanItems(file: string): CapturedSpanItem[] {
  const raw = readFileSync(new URL(file, FIXTURES));
  const body = raw.subarray(raw.indexOf('\n\n') + 2);
  const parsed = parseEnvelope(body);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
  const trace = parsed.envelope.headers.trace;
  return parsed.envelope.items
    .filter((i) => i.type === 'transaction' || i.type === 'span')
    .map((item) => {
      const payload: unknown = JSON.parse(Buffer.from(item.payload).toString('utf8'));
      if (!isJsonObject(payload)) throw new Error(`${file}: item is not an object`);
      return { type: item.type as 'transaction' | 'span', payload, envelopeTrace: isJsonObject(trace) ? trace : undefined };
    });
}
