/**
 * process/symbolicate — pipeline stage 4: turns minified or native frames into source
 * locations (source maps and debug files; docs/releases.md › Source maps). JavaScript source maps live in
 * source-maps/ (reading artifacts through an injected ArtifactSource); native debug files are
 * not resolved yet. Runs after scrubbing, before grouping (grouping reads the
 * resolved frames). Must not group or store, and must never throw on a payload: a frame it
 * cannot resolve stays as it was, with a processing note.
 */

export { type ArtifactSource, ByteLru, createSourceMapStage, type SourceMapNote, type SourceMapNoteType, type SourceMapStage } from './source-maps/index.js';
export { type SymbolicateContext, type SymbolicateResult, symbolicate } from './symbolicate.js';
