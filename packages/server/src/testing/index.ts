/**
 * testing: the black-box harness shared by every test — private databases on
 * each dialect and a real server on a loopback port. Never imported by
 * production code.
 */
export { explainSkippedPostgres, openTestDatabase, postgresTestUrl, type DialectName, type TestDatabase, testDialects } from './test-databases.js';
export { startTestServer, testAdminPassword, type TestServer, type TestServerOptions } from './test-server.js';
