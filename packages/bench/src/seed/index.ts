// seed — the query benchmark's data set: error events from the corpus generator, made into
// rows by the server's own code (createApp's ingest queue and worker, so the real pipeline),
// without HTTP; cached under packages/bench/.work between runs. The one part of the bench that
// imports the server (its compiled dist): everything else drives the shipped CLI from outside.
export { createEventStream, type SeedCorpus, type SeedEvent } from './event-stream.js';
export { type LogSeedRequest, type SeededLogs, seedLogs } from './log-seed.js';
export type { LogSeedOutcome } from './log-seed-main.js';
export { createLogStream, type LogEnvelope, type LogSeedCorpus, type LogStreamTotals } from './log-stream.js';
export { type SeedDatabase, type SeededDatabase, type SeedManifest, type SeedRequest, seededDatabase } from './seed-template.js';
export { type SeededSessions, type SessionSeedRequest, seedSessions } from './session-seed.js';
export type { SessionSeedOutcome } from './session-seed-main.js';
export { createSessionStream, releaseName, type SessionEnvelope, type SessionSeedCorpus, type SessionStreamTotals } from './session-stream.js';
export type { SpanScaleOutcome } from './span-scale-main.js';
export { type SeededSpans, type SpanSeedRequest, scaleSpanRows, seedSpans } from './span-seed.js';
export type { SpanSeedOutcome } from './span-seed-main.js';
export { createSpanStream, type SpanSeedCorpus } from './span-stream.js';
