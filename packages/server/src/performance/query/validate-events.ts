import type { JsonObject } from '@faultline/protocol';
import { FaultlineError } from '../../kernel/index.js';
import { checkFunction } from './aggregates.js';
import type { EventsDataset } from './events-dataset.js';
import { all, KNOWN_DATASETS, one, parseField, parseWindow, type QueryParams } from './events-request.js';
import { parseSearchFilters } from './search-filters.js';

/**
 * `GET /organizations/{org}/events/validate/`: the same parsers as `events/`, run piece by piece
 * so each field, the query and each sort key gets its own verdict. The MCP server calls this
 * before every event search and stops on `valid: false`.
 */
const NUMBER_COLUMNS = new Set([
  'transaction.duration',
  'span.duration',
  'span.self_time',
  'precise.start_ts',
  'precise.finish_ts',
  'project.id',
  'http.status_code',
  'span.status_code',
]);
const BOOLEAN_COLUMNS = new Set(['is_transaction', 'error.handled', 'error.unhandled']);

function attrTypeOf(name: string): 'string' | 'number' | 'boolean' {
  if (NUMBER_COLUMNS.has(name) || name.endsWith(',number]')) return 'number';
  if (BOOLEAN_COLUMNS.has(name) || name.endsWith(',boolean]')) return 'boolean';
  return 'string';
}

function verdictOf(run: () => void): { valid: boolean; error: string | null } {
  try {
    run();
    return { valid: true, error: null };
  } catch (error) {
    if (error instanceof FaultlineError) return { valid: false, error: error.message };
    throw error;
  }
}

export function validateEventsRequest(params: QueryParams, nowMs: number, projectIdsAllowed: readonly number[], other?: EventsDataset): JsonObject {
  const dataset = one(params, 'dataset') ?? 'discover';
  const datasetValid = (KNOWN_DATASETS as readonly string[]).includes(dataset);
  const kind = dataset === 'spans' || dataset === 'spansIndexed' || dataset === 'spansMetrics' ? 'spans' : 'transactions';
  const fieldTexts = all(params, 'field');
  const field = fieldTexts.map((name) => {
    let attrType: 'string' | 'number' | 'boolean' | null = null;
    const verdict = verdictOf(() => {
      const parsed = parseField(name);
      if (other !== undefined) other.checkField(name);
      if (parsed.kind === 'function') {
        if (other === undefined) checkFunction(parsed, kind);
        attrType = 'number';
      } else attrType = attrTypeOf(parsed.column);
    });
    return { name, valid: verdict.valid, attrType: verdict.valid ? attrType : null, error: verdict.error };
  });
  let queryFields: JsonObject[] = [];
  const query = verdictOf(() => {
    queryFields = parseSearchFilters(one(params, 'query') ?? '').map((f) => ({ name: f.key, valid: true, attrType: attrTypeOf(f.key), error: null }));
  });
  const orderby = [...all(params, 'orderby'), ...all(params, 'sort')].map((o) => {
    const name = o.startsWith('-') ? o.slice(1) : o;
    const valid = fieldTexts.includes(name);
    return { name: o, valid, attrType: valid ? attrTypeOf(name) : null, error: valid ? null : 'Orderby must also be a selected field' };
  });
  const window = verdictOf(() => parseWindow(params, nowMs));
  const projects = all(params, 'project').map((p) => {
    const valid = p === '-1' || projectIdsAllowed.includes(Number(p));
    return { valid, error: valid ? null : `Invalid project: ${p}` };
  });
  const environment = all(params, 'environment').map(() => ({ valid: true, error: null }));
  const valid = datasetValid && window.valid && query.valid && field.every((f) => f.valid) && orderby.every((o) => o.valid) && projects.every((p) => p.valid);
  return {
    valid,
    projects,
    dataset: [{ name: dataset, valid: datasetValid, error: datasetValid ? null : `dataset must be one of: ${KNOWN_DATASETS.join(', ')}` }],
    environment,
    field,
    query: { valid: query.valid && window.valid, error: query.error ?? window.error, fields: queryFields },
    orderby,
  };
}
