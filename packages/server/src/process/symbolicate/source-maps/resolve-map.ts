import type { ArtifactFileRef } from '../../../artifacts/index.js';
import type { StoreExecutor } from '../../../store/index.js';
import type { ArtifactSource, SourceMapNoteType } from './artifact-source.js';
import type { ByteLru } from './byte-lru.js';
import type { ResolvedWith } from './map-frame.js';
import { decodeDataUrl, findSourceMappingUrl, type MapParse, type ParsedSourceMap, parseSourceMap } from './parse-source-map.js';
import { candidateUrls, resolveUrl } from './source-urls.js';

/** The map that resolves one frame URL, and where its sources are relative to. */
export interface LoadedMap {
  parsed: ParsedSourceMap;
  /** the map's URL as uploaded (`data.sourcemap`) */
  mapUrl: string;
  /** the map's location beside the frame's own URL: what `sources` are relative to */
  base: string;
  resolvedWith: ResolvedWith;
  /** the minified file's lines, when it was uploaded too (function names) */
  minifiedLines: readonly string[] | null;
  used: ArtifactFileRef[];
}

export type MapOutcome = { ok: true; map: LoadedMap } | { ok: false; type: SourceMapNoteType | null; detail: string };

/** Per event: the lookups shared by all its frame URLs (queried once, on first need). */
export interface MapLookup {
  source: ArtifactSource;
  cache: ByteLru<unknown>;
  projectId: number;
  release: string | null;
  dist: string;
  exec: StoreExecutor | undefined;
  /** frame URL → debug id (`debug_meta.images`) */
  images: ReadonlyMap<string, string>;
  /** every frame URL of the event */
  urls: readonly string[];
  debugRefs?: Promise<readonly ArtifactFileRef[]>;
  releaseRefs?: Promise<readonly ArtifactFileRef[]>;
}

interface MinifiedFile {
  lines: readonly string[];
  mappingUrl: string | null;
}

const utf8 = new TextDecoder();
// Decoded mappings take about twice the JSON's size in memory.
const MAP_COST_FACTOR = 2;

async function loadMap(l: MapLookup, ref: ArtifactFileRef): Promise<MapParse> {
  const key = `map:${ref.sha1}`;
  const hit = l.cache.get(key) as MapParse | undefined;
  if (hit) return hit;
  const bytes = await l.source.load(ref.sha1, l.exec);
  if (!bytes) return { ok: false, reason: 'the uploaded file is no longer stored' };
  const parsed = parseSourceMap(bytes);
  l.cache.set(key, parsed, parsed.ok ? bytes.byteLength * MAP_COST_FACTOR : 64);
  return parsed;
}

async function loadMinified(l: MapLookup, ref: ArtifactFileRef): Promise<MinifiedFile | null> {
  const key = `min:${ref.sha1}`;
  const hit = l.cache.get(key) as MinifiedFile | undefined;
  if (hit) return hit;
  const bytes = await l.source.load(ref.sha1, l.exec);
  if (!bytes) return null;
  const text = utf8.decode(bytes);
  const file = { lines: text.split(/\r\n|\r|\n/), mappingUrl: findSourceMappingUrl(text) };
  l.cache.set(key, file, bytes.byteLength);
  return file;
}

function inlineMap(l: MapLookup, minified: ArtifactFileRef, dataUrl: string): MapParse {
  const key = `inline:${minified.sha1}`;
  const hit = l.cache.get(key) as MapParse | undefined;
  if (hit) return hit;
  const bytes = decodeDataUrl(dataUrl);
  const parsed: MapParse = bytes ? parseSourceMap(bytes) : { ok: false, reason: 'the inline source map cannot be decoded' };
  l.cache.set(key, parsed, bytes ? bytes.byteLength * MAP_COST_FACTOR : 64);
  return parsed;
}

const mapHeader = (ref: ArtifactFileRef | undefined): string | undefined => ref?.headers.sourcemap ?? ref?.headers['x-sourcemap'];

/** The first of `refs` stored under the earliest candidate name; ties keep the store's order (newest bundle first). */
function firstByCandidates(refs: readonly ArtifactFileRef[], candidates: readonly string[], prefer?: ArtifactFileRef): ArtifactFileRef | undefined {
  for (const c of candidates) {
    const matching = refs.filter((r) => r.url === c && r.type !== 'minified_source');
    const same = prefer ? matching.find((r) => r.source === prefer.source && r.ownerId === prefer.ownerId) : undefined;
    if (same ?? matching[0]) return same ?? matching[0];
  }
  return undefined;
}

async function byDebugId(l: MapLookup, url: string, debugId: string): Promise<MapOutcome | null> {
  l.debugRefs ??= l.source.byDebugIds(l.projectId, [...new Set(l.urls.flatMap((u) => l.images.get(u) ?? []))], l.exec);
  const refs = (await l.debugRefs).filter((r) => r.debugId === debugId);
  const mapRef = refs.find((r) => r.type === 'source_map');
  const minRef = refs.find((r) => r.type === 'minified_source');
  if (!mapRef) return null;
  const parsed = await loadMap(l, mapRef);
  if (!parsed.ok) return { ok: false, type: 'js_invalid_source', detail: `${mapRef.url} (debug id ${debugId}): ${parsed.reason}` };
  const minified = minRef ? await loadMinified(l, minRef) : null;
  const reference = mapHeader(minRef) ?? minified?.mappingUrl ?? null;
  const base = reference && !reference.startsWith('data:') ? resolveUrl(url, reference) : url;
  return {
    ok: true,
    map: {
      parsed: parsed.parsed,
      mapUrl: mapRef.url,
      base,
      resolvedWith: 'debug-id',
      minifiedLines: minified?.lines ?? null,
      used: minRef ? [mapRef, minRef] : [mapRef],
    },
  };
}

async function byRelease(l: MapLookup, url: string, release: string): Promise<MapOutcome> {
  l.releaseRefs ??= l.source.byUrls(l.projectId, release, l.dist, [...new Set(l.urls.flatMap(candidateUrls))], l.exec);
  const refs = await l.releaseRefs;
  let minRef: ArtifactFileRef | undefined;
  for (const c of candidateUrls(url)) {
    minRef = refs.find((r) => r.url === c && r.type !== 'source_map');
    if (minRef) break;
  }
  const where = `release ${release}${l.dist ? `, dist ${l.dist}` : ', no dist'}`;
  if (!minRef) return { ok: false, type: 'js_no_source', detail: `no file was uploaded for ${url} (${where})` };
  const minified = await loadMinified(l, minRef);
  if (!minified) return { ok: false, type: 'js_invalid_source', detail: `${minRef.url}: the uploaded file is no longer stored` };
  const reference = mapHeader(minRef) ?? minified.mappingUrl;
  if (!reference)
    return { ok: false, type: 'js_missing_sourcemap', detail: `${minRef.url} names no source map (no Sourcemap header, no sourceMappingURL comment)` };
  if (reference.startsWith('data:')) {
    const parsed = inlineMap(l, minRef, reference);
    if (!parsed.ok) return { ok: false, type: 'js_invalid_source', detail: `${minRef.url}: ${parsed.reason}` };
    return { ok: true, map: { parsed: parsed.parsed, mapUrl: minRef.url, base: url, resolvedWith: 'release', minifiedLines: minified.lines, used: [minRef] } };
  }
  const stored = resolveUrl(minRef.url, reference);
  const concrete = resolveUrl(url, reference);
  const candidates = [...new Set([...candidateUrls(stored), ...candidateUrls(concrete)])];
  const mapRefs = await l.source.byUrls(l.projectId, release, l.dist, candidates, l.exec);
  const mapRef = firstByCandidates(mapRefs, candidates, minRef);
  if (!mapRef) return { ok: false, type: 'js_missing_sourcemap', detail: `${minRef.url} names the source map ${stored}, which was not uploaded (${where})` };
  const parsed = await loadMap(l, mapRef);
  if (!parsed.ok) return { ok: false, type: 'js_invalid_source', detail: `${mapRef.url}: ${parsed.reason}` };
  return {
    ok: true,
    map: { parsed: parsed.parsed, mapUrl: mapRef.url, base: concrete, resolvedWith: 'release', minifiedLines: minified.lines, used: [minRef, mapRef] },
  };
}

/**
 * The map for a frame URL (docs/releases.md › Source maps): by the debug id `debug_meta` gives the URL
 * (release and dist irrelevant), else by release + dist + URL candidates, following the
 * minified file's Sourcemap header or sourceMappingURL comment. `type: null` = nothing to
 * look up (no debug id, no release): not worth a note.
 */
export async function resolveMap(l: MapLookup, url: string): Promise<MapOutcome> {
  const debugId = l.images.get(url);
  if (debugId) {
    const found = await byDebugId(l, url, debugId);
    if (found) return found;
    if (l.release === null) return { ok: false, type: 'js_no_source', detail: `no source map was uploaded with debug id ${debugId} (${url})` };
  }
  if (l.release === null) return { ok: false, type: null, detail: 'no debug id and no release' };
  return byRelease(l, url, l.release);
}
