// probes — what the bench observes about a running server from outside: events processed,
// resident memory, disk usage. Read-only: a probe must never change the server's state.
export { readCpuSeconds } from './cpu.js';
export { diskUsageBytes } from './disk-usage.js';
export { type ProcessMemory, readProcessMemory } from './memory.js';
export { postgresEventsProbe } from './postgres-events-probe.js';
export { noProcessing, type ProbeReading, type ProcessedProbe } from './processed-probe.js';
export { sqliteEventsProbe } from './sqlite-events-probe.js';
export { postgresTableSizes, sqliteTableSizes, type TableSizes } from './table-sizes.js';
