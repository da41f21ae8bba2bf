import type { Logger } from '../../kernel/index.js';

/** What the alerting issue needs to know about one stored error event. */
export interface ProcessedEventSummary {
  readonly projectId: number;
  readonly issueId: number;
  /** this event created the issue */
  readonly isNew: boolean;
  /** this event regressed a resolved issue */
  readonly isRegression: boolean;
  /** this event ended an ignore (time passed, or enough events/users) */
  readonly wasIgnoredAndCameBack: boolean;
  readonly eventId: string;
  readonly level: string;
  readonly environment: string | null;
  readonly release: string | null;
  readonly userKey: string | null;
  /** the event's tags as stored, derived ones (level, environment, user, browser…) included */
  readonly tags: readonly (readonly [string, string])[];
}

export type PostProcessHook = (results: readonly ProcessedEventSummary[]) => Promise<void> | void;

/** Calls every hook in registration order; reads the list on each call so hooks may be added after wiring. */
export function createPostProcess(deps: { hooks: readonly PostProcessHook[]; logger: Logger }): (results: readonly ProcessedEventSummary[]) => Promise<void> {
  return async (results) => {
    for (const hook of deps.hooks) {
      try {
        await hook(results);
      } catch (err) {
        deps.logger.error({ err, events: results.length }, 'a post-process hook failed');
      }
    }
  };
}
