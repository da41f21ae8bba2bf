import { AnyMap, type TraceMap, traceSegment } from '@jridgewell/trace-mapping';

/**
 * Reading source maps (with @jridgewell/trace-mapping, which also flattens indexed maps) and
 * finding the map a minified file points to. Everything returns a result, never throws.
 */
export interface ParsedSourceMap {
  readonly map: TraceMap;
  /** `debug_id` (sentry-cli 2.x) or `debugId` (3.x), lower case */
  readonly debugId: string | null;
  /** lines of `sourcesContent[i]`, split on first use */
  readonly lines: (readonly string[] | null | undefined)[];
}

export type MapParse = { ok: true; parsed: ParsedSourceMap } | { ok: false; reason: string };

export function parseSourceMap(bytes: Uint8Array): MapParse {
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        .toString('utf8')
        .replace(/^\)\]\}'[^\n]*\n/, ''),
    );
  } catch {
    return { ok: false, reason: 'the source map is not valid JSON' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, reason: 'the source map is not a JSON object' };
  const raw = json as Record<string, unknown>;
  if (raw.version !== 3) return { ok: false, reason: `unsupported source map version ${JSON.stringify(raw.version)}` };
  if (!Array.isArray(raw.sections) && (typeof raw.mappings !== 'string' || !Array.isArray(raw.sources)))
    return { ok: false, reason: 'the source map has no mappings' };
  try {
    const map = new AnyMap(raw as unknown as ConstructorParameters<typeof AnyMap>[0]);
    const id = raw.debug_id ?? raw.debugId;
    return { ok: true, parsed: { map, debugId: typeof id === 'string' ? id.toLowerCase() : null, lines: [] } };
  } catch (err) {
    return { ok: false, reason: `the source map cannot be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

export interface MappedToken {
  sourceIndex: number;
  /** 0-based */
  line: number;
  /** 0-based */
  column: number;
  name: string | null;
}

/** The mapping at or before the 0-based position on that line; null when the line has none. */
export function lookupToken(parsed: ParsedSourceMap, line: number, column: number): MappedToken | null {
  if (line < 0 || column < 0) return null;
  const seg = traceSegment(parsed.map, line, column);
  if (!seg || seg.length === 1) return null;
  const name = seg.length === 5 ? (parsed.map.names[seg[4]] ?? null) : null;
  return { sourceIndex: seg[1], line: seg[2], column: seg[3], name };
}

/** The lines of a source from the map's `sourcesContent`, or null when the map lacks it. */
export function sourceLines(parsed: ParsedSourceMap, index: number): readonly string[] | null {
  const cached = parsed.lines[index];
  if (cached !== undefined) return cached;
  const content = parsed.map.sourcesContent?.[index];
  const lines = typeof content === 'string' ? content.split(/\r\n|\r|\n/) : null;
  parsed.lines[index] = lines;
  return lines;
}

const MAPPING_MARKERS = ['//# sourceMappingURL=', '//@ sourceMappingURL=', '/*# sourceMappingURL=', '/*@ sourceMappingURL='];

/** The last `//# sourceMappingURL=` (or legacy `//@`) of a minified file; inline maps can be megabytes long. */
export function findSourceMappingUrl(text: string): string | null {
  let at = -1;
  let marker = '';
  for (const m of MAPPING_MARKERS) {
    const i = text.lastIndexOf(m);
    if (i > at) {
      at = i;
      marker = m;
    }
  }
  if (at < 0) return null;
  const value = /^[^\s'"*]+/.exec(text.slice(at + marker.length))?.[0];
  return value ?? null;
}

/** An inline map (`data:application/json;base64,…` or URL-encoded); null when `url` is not one. */
export function decodeDataUrl(url: string): Uint8Array | null {
  const m = /^data:application\/json(?:;charset=[^;,]+)?(;base64)?,(.*)$/is.exec(url);
  if (!m) return null;
  try {
    return m[1] ? Buffer.from(m[2] as string, 'base64') : Buffer.from(decodeURIComponent(m[2] as string), 'utf8');
  } catch {
    return null;
  }
}
