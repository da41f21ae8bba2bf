import type { ArtifactFileRef } from '../../../artifacts/index.js';
import type { Clock } from '../../../kernel/index.js';
import type { StoreExecutor } from '../../../store/index.js';
import type { NormalizedEvent } from '../../normalize/index.js';
import type { ArtifactSource, SourceMapNote, SourceMapNoteType } from './artifact-source.js';
import { ByteLru } from './byte-lru.js';
import { minifiedIdentifier, originalFunctionName, pickFunctionName } from './function-name.js';
import { collectJsFrames, type JsFrame, sourceMapImages } from './js-frames.js';
import { applyResolution, type FrameResolution } from './map-frame.js';
import { lookupToken, type MappedToken, sourceLines } from './parse-source-map.js';
import { type LoadedMap, type MapLookup, resolveMap } from './resolve-map.js';
import { candidateUrls, resolveUrl, sourceReference } from './source-urls.js';

export interface SourceMapStage {
  /** Resolves the event's JavaScript frames in place; returns why frames stayed as they were. */
  resolve(event: NormalizedEvent, projectId: number, exec?: StoreExecutor): Promise<SourceMapNote[]>;
  /** Forgets which projects have artifacts (this process just stored some). */
  forgetProjects(): void;
}

const MAX_NOTES = 20;

/**
 * Whether a miss is worth a note: served code (a URL) or a file with a debug id, and no
 * context of its own. A plain file path (Node running unbundled code) or a frame whose
 * context the SDK already read was never meant to need a map.
 */
function expectsMap(f: JsFrame, images: ReadonlyMap<string, string>): boolean {
  return f.frame.context_line === undefined && (images.has(f.url) || /^[a-z][a-z0-9+.-]*:/i.test(f.url));
}
const utf8 = new TextDecoder();

/**
 * Stage 4 for JavaScript (docs/releases.md › Source maps): per frame URL, the map by debug id first, then by
 * release + dist + URL; positions mapped, names and context lines filled from the original
 * sources, the untouched stack kept as `raw_stacktrace`. A project without artifacts costs
 * one indexed query per `gateTtlMs`, whatever the number of events and frames. Parsed maps
 * and files are cached by content digest in a byte-bounded LRU.
 */
export function createSourceMapStage(deps: { source: ArtifactSource; cacheBytes: number; clock: Clock; gateTtlMs?: number }): SourceMapStage {
  const { source, clock } = deps;
  const ttl = deps.gateTtlMs ?? 2000;
  const cache = new ByteLru<unknown>(deps.cacheBytes);
  const gate = new Map<number, { has: boolean; at: number }>();

  async function hasArtifacts(projectId: number, exec: StoreExecutor | undefined): Promise<boolean> {
    const now = clock.now();
    const known = gate.get(projectId);
    if (known && now - known.at < ttl && now >= known.at) return known.has;
    const has = (await source.projectsWithArtifacts([projectId], exec)).has(projectId);
    gate.set(projectId, { has, at: now });
    return has;
  }

  async function sourceText(ref: ArtifactFileRef, exec: StoreExecutor | undefined): Promise<readonly string[] | null> {
    const key = `src:${ref.sha1}`;
    const hit = cache.get(key) as readonly string[] | undefined;
    if (hit) return hit;
    const bytes = await source.load(ref.sha1, exec);
    if (!bytes) return null;
    const lines = utf8.decode(bytes).split(/\r\n|\r|\n/);
    cache.set(key, lines, bytes.byteLength);
    return lines;
  }

  return {
    forgetProjects: () => gate.clear(),

    async resolve(event, projectId, exec) {
      const frames = collectJsFrames(event);
      if (frames.length === 0 || !(await hasArtifacts(projectId, exec))) return [];
      const notes = new Map<string, SourceMapNote>();
      const note = (type: SourceMapNoteType, at: JsFrame, subject: string, detail: string) => {
        const key = `${type}\u0000${subject}`;
        if (!notes.has(key) && notes.size < MAX_NOTES) notes.set(key, { type, path: `${at.stack.path}.frames.${at.index}`, detail });
      };
      const release = event.release ?? null;
      const dist = event.dist ?? '';
      const lookup: MapLookup = { source, cache, projectId, release, dist, exec, images: sourceMapImages(event), urls: [...new Set(frames.map((f) => f.url))] };
      const maps = new Map<string, LoadedMap | null>();
      const used: ArtifactFileRef[] = [];

      // Positions first: a frame's function name may come from its caller's mapped call site.
      const tokens = new Map<JsFrame, { map: LoadedMap; token: MappedToken }>();
      const byStackIndex = new Map<string, MappedToken>();
      for (const f of frames) {
        if (!maps.has(f.url)) {
          const outcome = await resolveMap(lookup, f.url);
          if (outcome.ok) used.push(...outcome.map.used);
          else if (outcome.type === 'js_invalid_source' || (outcome.type !== null && expectsMap(f, lookup.images)))
            note(outcome.type, f, f.url, outcome.detail);
          maps.set(f.url, outcome.ok ? outcome.map : null);
        }
        const map = maps.get(f.url);
        if (!map) continue;
        const token = lookupToken(map.parsed, (f.frame.lineno as number) - 1, Math.max(0, (f.frame.colno ?? 1) - 1));
        if (!token) {
          note(
            'js_invalid_sourcemap_location',
            f,
            `${f.url}:${f.frame.lineno}:${f.frame.colno}`,
            `${map.mapUrl} has no mapping for line ${f.frame.lineno}, column ${f.frame.colno ?? '?'} of ${f.url}`,
          );
          continue;
        }
        tokens.set(f, { map, token });
        byStackIndex.set(`${f.stack.path}#${f.index}`, token);
      }
      if (tokens.size === 0) return [...notes.values()];

      const resolutions = new Map<JsFrame, FrameResolution>();
      for (const [f, { map, token }] of tokens) {
        const raw = map.parsed.map.sources[token.sourceIndex];
        const sourceUrl = resolveUrl(map.base, sourceReference(map.parsed.map.sourceRoot, raw ?? '<unknown>'));
        let lines = sourceLines(map.parsed, token.sourceIndex);
        if (!lines && release !== null) {
          const refs = await source.byUrls(projectId, release, dist, candidateUrls(sourceUrl), exec);
          const ref = refs[0];
          if (ref) {
            lines = await sourceText(ref, exec);
            used.push(ref);
          }
        }
        if (!lines) note('js_missing_source_content', f, sourceUrl, `the source of ${sourceUrl} is neither in ${map.mapUrl} (sourcesContent) nor uploaded`);
        const minifiedName = minifiedIdentifier(f.frame.function);
        const scopeName =
          minifiedName && map.minifiedLines
            ? originalFunctionName(map.parsed, map.minifiedLines, (f.frame.lineno as number) - 1, Math.max(0, (f.frame.colno ?? 1) - 1), minifiedName)
            : null;
        const caller = byStackIndex.get(`${f.stack.path}#${f.index - 1}`);
        resolutions.set(f, {
          token,
          sourceUrl,
          mapUrl: map.mapUrl,
          resolvedWith: map.resolvedWith,
          functionName: pickFunctionName(f.frame.function, scopeName, caller?.name ?? null),
          lines,
        });
      }

      // Sentry keeps the minified stack for the "raw" view; the top-level stacktrace has no such slot.
      for (const stack of new Set([...resolutions.keys()].map((f) => f.stack))) {
        if (stack.owner && stack.owner.raw_stacktrace === undefined) stack.owner.raw_stacktrace = structuredClone(stack.stacktrace);
      }
      for (const [f, r] of resolutions) applyResolution(f.frame, r);
      source.markUsed(used);
      return [...notes.values()];
    },
  };
}
