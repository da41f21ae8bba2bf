import type { Generated } from 'kysely';

/**
 * Row types of the logs tables (migration 0022; docs/logs.md › Storage). Log lines are stored
 * in compressed blocks, one per project and processing batch; the block row carries what lets
 * a query skip it (time range, a bitmask of the severities inside), and `log_trace_blocks`
 * finds a trace's blocks without reading any other.
 */
export interface LogBlockTable {
  id: Generated<number>;
  project_id: number;
  /** when the batch's first item was received, epoch ms (retention) */
  received_at: number;
  /** earliest and latest log timestamp inside, epoch ms */
  start_ms: number;
  end_ms: number;
  line_count: number;
  /** bit i set: a line of severity level i (trace, debug, info, warn, error, fatal) is inside */
  severities: number;
  /** the block: positional line arrays, JSON, deflated (logs/store/log-block.ts) */
  document: Uint8Array;
}

export interface LogTraceBlockTable {
  project_id: number;
  trace_id: string;
  block_id: number;
  /** lines of this trace in the block */
  line_count: number;
}

/**
 * Lines per (project, minute of the log timestamp, severity): `count()` charts and counts per
 * severity read these instead of decoding blocks (docs/logs.md › Storage).
 */
export interface LogMinuteTable {
  project_id: number;
  /** start of the minute, epoch seconds */
  minute: number;
  /** index into the levels: 0 trace … 5 fatal */
  severity: number;
  count: number;
}

/** Attribute names seen per project, for `trace-items/attributes/?itemType=logs`. */
export interface LogAttributeKeyTable {
  project_id: number;
  name: string;
  /** string | number | boolean, as Sentry's attribute types */
  type: string;
  last_seen: number;
}

export interface LogTables {
  log_blocks: LogBlockTable;
  log_trace_blocks: LogTraceBlockTable;
  log_attribute_keys: LogAttributeKeyTable;
  log_minutes: LogMinuteTable;
}
