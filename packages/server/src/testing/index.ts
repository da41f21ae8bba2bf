/**
 * testing: the black-box harness shared by every test — private databases on
 * each dialect, a real server on a loopback port, HTTP callers, extra people
 * and organizations, and child processes (faultline, sentry-cli). Never
 * imported by production code.
 */
export { type ApiRequest, type ApiResponse, apiFetch, assertDetail, type Caller, type SignedIn, signIn } from './api-client.js';
export { type CliCapture, capturedSourceBundle, cliFixtures, loadCliCapture, multipartParts } from './cli-captures.js';
export { eventEnvelope, newEventId, type PostOptions, post, publicKeyOf } from './ingest-client.js';
export { captureLogs, type LogCapture } from './log-capture.js';
export { type McpSession, type McpToolError, mcpServerBin, startMcpSession } from './mcp-client.js';
export { addOrganization, addPerson, mintToken, personPassword } from './people.js';
export { faultlineBin, type ProcessResult, type RunningProcess, run, runFaultline, runSentryCli, sentryCliBin, startFaultline } from './processes.js';
export { type HttpReceiver, mimeParts, type ReceivedMail, type ReceivedRequest, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './receivers.js';
export { addHourly, insertIssue, orgWithProjects } from './release-fixtures.js';
export { type SessionTraffic, sessionsEnvelope } from './session-envelopes.js';
export { type BundleEntry, buildSourceBundle, uploadBundle } from './source-bundles.js';
export { type DialectName, explainSkippedPostgres, openTestDatabase, postgresTestUrl, type TestDatabase, testDialects } from './test-databases.js';
export { freePort, startTestServer, type TestServer, type TestServerOptions, testAdminPassword } from './test-server.js';
