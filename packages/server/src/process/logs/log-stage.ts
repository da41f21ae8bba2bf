import { isJsonObject, parseJsonPayload } from '@faultline/protocol';
import type { QueueItem } from '../../jobs/index.js';
import { type LogBatch, type LogLine, type LogRows, parseLogContainer, prepareLogRows } from '../../logs/index.js';
import type { OutcomeCounts } from '../../outcomes/index.js';
import { parseUserAgent } from '../normalize/index.js';
import type { ProcessingSettings } from '../project-settings.js';
import { scrubLogLines } from '../scrub/index.js';

export interface PreparedLogs {
  readonly rows: LogRows;
  readonly isEmpty: boolean;
}

export function isLogItem(item: QueueItem): boolean {
  return item.type === 'log';
}

/**
 * The log stage, outside the batch's transaction: parse each `log` item (a line without a
 * browser gets the one the request's User-Agent names when the SDK asks for it, as Relay fills
 * it; docs/logs.md › What is stored), scrub its lines with
 * the project's rules (nothing unscrubbed reaches storage), count outcomes per line (a
 * container counts its `item_count`: the valid lines accepted, the bad ones invalid), and
 * encode one compressed block per project for the transaction to insert.
 */
export function prepareLogs(items: readonly QueueItem[], settingsOf: (projectId: number) => ProcessingSettings, outcomes: OutcomeCounts): PreparedLogs {
  const byProject = new Map<number, { receivedAt: number; lines: LogLine[] }>();
  for (const item of items) {
    const payload = parseJsonPayload(item.payload);
    if (!payload.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: 'invalid_json' });
      continue;
    }
    const browser = infersUserAgent(payload.value) && item.clientUserAgent ? parseUserAgent(item.clientUserAgent).browser : undefined;
    const parsed = parseLogContainer(payload.value, { receivedAt: item.receivedAt, sdk: sdkOf(item), browser });
    if (!parsed.ok) {
      outcomes.item(item.projectId, item.receivedAt, item, { outcome: 'invalid', reason: parsed.reason });
      continue;
    }
    scrubLogLines(parsed.lines, settingsOf(item.projectId).scrubbing);
    if (parsed.lines.length > 0) outcomes.item(item.projectId, item.receivedAt, lineCount(item, parsed.lines.length), { outcome: 'accepted' });
    if (parsed.invalidLines > 0)
      outcomes.item(item.projectId, item.receivedAt, lineCount(item, parsed.invalidLines), { outcome: 'invalid', reason: 'invalid_log' });
    const entry = byProject.get(item.projectId) ?? { receivedAt: item.receivedAt, lines: [] };
    entry.receivedAt = Math.min(entry.receivedAt, item.receivedAt);
    for (const line of parsed.lines) entry.lines.push(line);
    byProject.set(item.projectId, entry);
  }
  const batches: LogBatch[] = [...byProject].map(([projectId, e]) => ({ projectId, receivedAt: e.receivedAt, lines: e.lines }));
  const rows = prepareLogRows(batches);
  return { rows, isEmpty: rows.blocks.length === 0 };
}

/**
 * A browser SDK asks for its User-Agent to be read with `ingest_settings.infer_user_agent: "auto"`
 * on the container — `@sentry/browser` 11 unless `dataCollection.userInfo` is false, which sends
 * `"never"` — as for the IP address. Server SDKs send no `ingest_settings`: their User-Agent
 * names no browser anyway.
 */
function infersUserAgent(container: unknown): boolean {
  if (!isJsonObject(container) || !isJsonObject(container.ingest_settings)) return false;
  return container.ingest_settings.infer_user_agent === 'auto';
}

function sdkOf(item: QueueItem): { name: string; version: string } | undefined {
  const sdk = item.envelopeHeaders.sdk;
  return isJsonObject(sdk) && typeof sdk.name === 'string' && typeof sdk.version === 'string' ? { name: sdk.name, version: sdk.version } : undefined;
}

/**
 * The item as counted with `n` lines: outcomes count a log container by its `item_count`, and
 * its bytes split in proportion (the bytes of lines that were dropped are not accepted).
 */
function lineCount(item: QueueItem, n: number) {
  const total = Math.max(1, item.headers.item_count ?? n);
  const bytes = Math.round((item.payload.byteLength * Math.min(n, total)) / total);
  return { type: 'log', headers: { item_count: n }, payload: item.payload.subarray(0, bytes) };
}
