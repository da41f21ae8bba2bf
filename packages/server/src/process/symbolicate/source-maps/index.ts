/**
 * process/symbolicate/source-maps — JavaScript source maps (docs/releases.md › Source maps): which uploaded map
 * resolves a frame (debug id, then release + dist + URL), the position mapping, original
 * names and context lines, in-app after mapping. Reads artifacts only through the injected
 * ArtifactSource; must not write anything but the event it is given.
 */
export type { ArtifactSource, SourceMapNote, SourceMapNoteType } from './artifact-source.js';
export { ByteLru } from './byte-lru.js';
export { createSourceMapStage, type SourceMapStage } from './source-map-stage.js';
