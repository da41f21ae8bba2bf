/** process/logs — the log stage: `log` items parsed, scrubbed and encoded into the logs domain's blocks (logs/). */
export { isLogItem, type PreparedLogs, prepareLogs } from './log-stage.js';
