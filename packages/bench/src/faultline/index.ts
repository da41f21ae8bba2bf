// faultline — starts a fresh Faultline server for a run (its own data directory, or its own
// PostgreSQL schema) through the real CLI, exactly as an operator would. Must not import
// the server's code: the bench measures the shipped executable from outside.
export { type BenchSchema, createBenchSchema, dropSchema, schemaExists, schemaUrl, vacuumAnalyzeSchema } from './postgres-schema.js';
export { type FaultlineOptions, type RunningFaultline, startFaultline, type Workspace } from './start-faultline.js';
