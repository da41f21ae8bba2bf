/**
 * issues — the domain rules of an issue that more than one writer applies: the status
 * vocabulary (status, substatus, resolution) and the transition rules (regression, ignores
 * that end, new → ongoing). The processing pipeline applies the automatic transitions; the
 * issues API applies what people set. Pure: no I/O, no store, no clock (callers pass times).
 */
export {
  type ArrivingEvent,
  CLEARED_IGNORE,
  CLEARED_RESOLUTION,
  effectiveSubstatus,
  expiredIgnorePatch,
  type IgnoreEnd,
  type IgnoreProgress,
  ISSUE_STATUSES,
  ISSUE_SUBSTATUSES,
  type IssueStatus,
  type IssueSubstatus,
  ignoreEnded,
  ignoreWindows,
  isIssueStatus,
  isIssueSubstatus,
  isResolution,
  type LifecycleFields,
  type LifecyclePatch,
  ONGOING_AFTER_MS,
  RESOLUTIONS,
  type ReleaseResolutionCheck,
  type Resolution,
  regresses,
  regressionPatch,
  unignorePatch,
} from './lifecycle.js';
export {
  type ActivityEntry,
  type IgnoreCondition,
  type IssueFacts,
  parseStatusChange,
  planStatusChange,
  type StatusChange,
  type StatusChangeParse,
  type StatusPlan,
} from './status-change.js';
