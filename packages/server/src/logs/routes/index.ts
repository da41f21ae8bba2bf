export { type LogsApiDeps, registerLogsApi } from './logs-routes.js';
