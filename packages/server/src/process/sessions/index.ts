/** process/sessions — the session stage: `session` and `sessions` items into release health's counters (sessions/). */
export { isSessionItem, type PreparedSessions, prepareSessions } from './session-stage.js';
