import type { UserReportInput, UserReportShimWriter } from '../../feedback/index.js';
import type { Clock, Logger } from '../../kernel/index.js';
import type { Store, StoreExecutor } from '../../store/index.js';
import { createEventDictionaries, persistEvents, stageEvents } from '../persist/index.js';
import { recordPendingBatch } from '../post-process/index.js';
import { createProjectSettingsCache } from '../project-settings.js';
import { userReportShim } from './feedback-stage.js';

/**
 * For the reports the web API and the crash-report dialog save (feedback/ may not import the
 * pipeline, so api/ hands it this): the report's feedback issue, persisted in the caller's
 * transaction with the project's scrubbing. Its post-process work (issue alerts) is recorded as
 * pending in the same transaction and run by the recovery sweep.
 */
export function createUserReportShimWriter(deps: { store: Store; clock: Clock; logger: Logger }): UserReportShimWriter {
  const settings = createProjectSettingsCache({ store: deps.store, clock: deps.clock, logger: deps.logger, ttlMs: 2000 });
  const dictionaries = createEventDictionaries(deps.store);
  return async (trx: StoreExecutor, input: { projectId: number; report: UserReportInput; environment: string | null; source: string }) => {
    const now = deps.clock.now();
    const settingsOf = await settings.load(trx, [input.projectId]);
    const ready = userReportShim(input.projectId, now, input.report, input.environment, input.source, settingsOf(input.projectId));
    const staged = await stageEvents({ dictionaries, reader: trx, now }, [ready]);
    const persisted = await persistEvents({ store: deps.store, now }, trx, staged);
    if (persisted.summaries.length > 0) await recordPendingBatch(deps.store, trx, now, persisted.summaries);
  };
}
