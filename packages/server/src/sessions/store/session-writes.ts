import type { Kysely } from 'kysely';
import type { Database, StoreExecutor } from '../../store/index.js';
import type { SessionRows } from '../session-deltas.js';
import { deleteSetDaysBefore } from './session-set-days.js';

// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535; 12 columns × 200 rows stays far below.
const rowsPerInsert = 200;

async function chunked<T>(rows: readonly T[], insert: (values: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) await insert(rows.slice(i, i + rowsPerInsert));
}

/**
 * The hot path of release health: a batch's accumulated deltas become one upsert per table
 * (counters add, set members are inserted once, sketches appended), inside the batch's
 * transaction. Nothing here reads.
 */
export async function writeSessionRows(trx: StoreExecutor, rows: SessionRows): Promise<void> {
  await chunked(rows.counters, (chunk) =>
    trx
      .insertInto('session_counts')
      .values(
        chunk.map((c) => ({
          project_id: c.projectId,
          release: c.release,
          environment: c.environment,
          bucket: c.bucket,
          inits: c.inits,
          errored_preaggr: c.erroredPreaggr,
          crashed: c.crashed,
          abnormal: c.abnormal,
          unhandled: c.unhandled,
          duration_count: c.durationCount,
          duration_sum: c.durationSum,
          duration_max: c.durationMax,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['project_id', 'release', 'environment', 'bucket']).doUpdateSet((eb) => ({
          inits: eb('session_counts.inits', '+', eb.ref('excluded.inits')),
          errored_preaggr: eb('session_counts.errored_preaggr', '+', eb.ref('excluded.errored_preaggr')),
          crashed: eb('session_counts.crashed', '+', eb.ref('excluded.crashed')),
          abnormal: eb('session_counts.abnormal', '+', eb.ref('excluded.abnormal')),
          unhandled: eb('session_counts.unhandled', '+', eb.ref('excluded.unhandled')),
          duration_count: eb('session_counts.duration_count', '+', eb.ref('excluded.duration_count')),
          duration_sum: eb('session_counts.duration_sum', '+', eb.ref('excluded.duration_sum')),
          duration_max: eb
            .case()
            .when('session_counts.duration_max', 'is', null)
            .then(eb.ref('excluded.duration_max'))
            .when('excluded.duration_max', '>', eb.ref('session_counts.duration_max'))
            .then(eb.ref('excluded.duration_max'))
            .else(eb.ref('session_counts.duration_max'))
            .end(),
        })),
      )
      .execute(),
  );
  await chunked(rows.sets, (chunk) =>
    trx
      .insertInto('session_sets')
      .values(chunk.map((s) => ({ project_id: s.projectId, release: s.release, environment: s.environment, bucket: s.bucket, kind: s.kind, digest: s.digest })))
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  await chunked(rows.sketches, (chunk) =>
    trx
      .insertInto('session_duration_sketches')
      .values(chunk.map((s) => ({ project_id: s.projectId, release: s.release, environment: s.environment, bucket: s.bucket, sketch: s.sketch })))
      .execute(),
  );
}

/** Retention: every row of the project whose hour ended before `before` (ms). Returns counter rows deleted. */
export async function deleteSessionsBefore(db: Kysely<Database>, projectId: number, before: number): Promise<number> {
  await db.deleteFrom('session_sets').where('project_id', '=', projectId).where('bucket', '<', before).execute();
  await deleteSetDaysBefore(db, projectId, before);
  await db.deleteFrom('session_duration_sketches').where('project_id', '=', projectId).where('bucket', '<', before).execute();
  const r = await db.deleteFrom('session_counts').where('project_id', '=', projectId).where('bucket', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
