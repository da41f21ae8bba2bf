// corpus — builds the envelopes the bench sends: Node SDK-shaped error events, transactions
// and sessions, deterministic for a seed, compiled into byte templates whose event ids can
// be rewritten per send. Must not do network I/O; it only writes/reads its own corpus files.
export { buildCorpus, type Corpus, type CorpusOptions, type CorpusStats } from './build-corpus.js';
export { buildSpanCorpus, type SpanCorpusOptions, type SpanCorpusStats } from './build-span-corpus.js';
export { type CorpusFiles, readCorpusFiles, writeCorpusFiles } from './corpus-file.js';
export { compileTemplate, type EnvelopeTemplate, GZIP_THRESHOLD_BYTES, stampId } from './envelope-template.js';
export { type EnvelopeKind, ID_PLACEHOLDER } from './envelopes.js';
export { type EventIdSequence, eventIdSequence } from './event-ids.js';
