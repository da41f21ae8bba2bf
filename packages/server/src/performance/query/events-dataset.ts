import type { JsonObject, JsonValue } from '@faultline/protocol';
import type { EventsRequest, QueryParams } from './events-request.js';
import type { ProjectRef } from './scan-records.js';

/**
 * A dataset of `events/`, `events-stats/` and `trace-items/attributes/` answered by another
 * domain (logs/): api/ hands these in by dataset name, so this domain's routes dispatch to them
 * without importing their owners. The request is parsed here with the shared parsers, so every
 * dataset reads fields, query, sort, cursor and time the same way.
 */
export interface EventsDataset {
  /** the largest `per_page` the dataset allows */
  readonly maxPerPage: number;
  table(request: EventsRequest, projects: readonly ProjectRef[]): Promise<{ data: Record<string, JsonValue>[]; meta: JsonObject; hasNext: boolean }>;
  stats(params: QueryParams, projects: readonly ProjectRef[], nowMs: number): Promise<JsonObject>;
  attributes(params: QueryParams, projects: readonly ProjectRef[]): Promise<JsonObject[]>;
  /** throws a coded 400 when `spelling` is no field or function of the dataset (`events/validate/`) */
  checkField(spelling: string): void;
  /** this dataset's items in a trace, for `trace-meta` (its key there is the dataset's name) */
  countInTrace(projectIds: readonly number[], traceId: string): Promise<number>;
}

/** Datasets by the names `dataset=` (and `itemType=` of trace-items) accepts, aliases included. */
export type EventsDatasets = Readonly<Record<string, EventsDataset>>;
