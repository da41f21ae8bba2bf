import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LOG_LEVELS, type LogAttribute, type LogLevel, type LogLine } from '../log-line.js';

/**
 * The stored form of a block of log lines (docs/logs.md › Storage): each line a positional
 * array (keys would be most of the bytes), attributes as `[name, type, value]` triples, the
 * whole deflated. Lines of one batch repeat their attribute names, release and SDK, which
 * deflate folds to a few bytes each. Version 1; a reader refuses versions it does not know.
 */
type AttributeRow = [name: string, type: 's' | 'i' | 'd' | 'b', value: string | number | boolean];
type LineRow = [
  itemId: string,
  timestamp: number,
  observedAt: number,
  traceId: string | 0,
  spanId: string | 0,
  level: number,
  severityNumber: number,
  body: string,
  payloadSize: number,
  attributes: AttributeRow[],
];

interface BlockJson {
  v: 1;
  lines: LineRow[];
}

const TYPE_CODES = { string: 's', integer: 'i', double: 'd', boolean: 'b' } as const;
const TYPES_OF_CODE = { s: 'string', i: 'integer', d: 'double', b: 'boolean' } as const;

export function encodeLogBlock(lines: readonly LogLine[]): Uint8Array {
  const doc: BlockJson = {
    v: 1,
    lines: lines.map((l) => [
      l.itemId,
      l.timestamp,
      l.observedAt,
      l.traceId ?? 0,
      l.spanId ?? 0,
      LOG_LEVELS.indexOf(l.level),
      l.severityNumber,
      l.body,
      l.payloadSize,
      Object.entries(l.attributes).map(([name, a]): AttributeRow => [name, TYPE_CODES[a.type], a.value]),
    ]),
  };
  // Level 4: most of level 6's ratio on these repetitive lines at a good part less CPU per line.
  return deflateRawSync(Buffer.from(JSON.stringify(doc)), { level: 4 });
}

export function decodeLogBlock(bytes: Uint8Array): LogLine[] {
  const doc = JSON.parse(inflateRawSync(bytes).toString('utf8')) as BlockJson;
  if (doc.v !== 1) throw new Error(`log block version ${String(doc.v)} is not known`);
  return doc.lines.map(([itemId, timestamp, observedAt, traceId, spanId, level, severityNumber, body, payloadSize, attributes]) => {
    const attrs: Record<string, LogAttribute> = Object.create(null);
    for (const [name, code, value] of attributes) attrs[name] = { type: TYPES_OF_CODE[code], value } as LogAttribute;
    return {
      itemId,
      timestamp,
      observedAt,
      traceId: traceId === 0 ? null : traceId,
      spanId: spanId === 0 ? null : spanId,
      level: (LOG_LEVELS[level] ?? 'info') as LogLevel,
      severityNumber,
      body,
      attributes: attrs,
      payloadSize,
    };
  });
}
