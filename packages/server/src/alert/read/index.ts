/**
 * alert/read — what an alert rule preview replays: a project's recent stored error events
 * with the lifecycle facts the pipeline recorded for them (new, regressed, came back).
 * Read-only; the rule matching itself belongs to alert/.
 */
export { type RecentEvent, type RecentEvents, recentErrorEvents } from './recent-error-events.js';
