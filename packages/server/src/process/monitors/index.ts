/**
 * process/monitors — the check-in stage (`check_in` items into monitors/' check-ins, with
 * monitor upserts and incidents) and the missed/timeout sweep app.ts registers with jobs/'
 * scheduler. Cron issues go through persist like performance issues (cron-issue-events.ts).
 */
export { applyCheckIns, CHECK_INS_PER_MINUTE, isCheckInItem, type PreparedCheckIn, prepareCheckIns } from './check-in-stage.js';
export { CRON_ISSUE_TYPE, cronIssueEvents } from './cron-issue-events.js';
export { createMonitorSweep, MONITOR_SWEEP, type MonitorSweep } from './monitor-sweep.js';
