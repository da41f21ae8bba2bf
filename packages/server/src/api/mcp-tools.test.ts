// The real Sentry MCP server (@sentry/mcp-server 0.39 over stdio, driven by the MCP SDK's client)
// against a real Faultline, tool by tool (docs/mcp.md): every tool that needs no Sentry-hosted AI
// answers with the data Faultline holds, or says cleanly that there is none. One error with its
// user, breadcrumbs and trace, the transaction of that trace, a release with a deploy, a user
// report, a note and a monitor are seeded through the public API and ingest; each assertion reads
// the text an assistant would read and compares it with what was sent.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { replaySegment } from '../process/replays/replay-envelopes.test-support.js';
import { apiFetch, type McpSession, post, startMcpSession, startTestServer, type TestServer } from '../testing/index.js';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const RELEASE = 'shop@2.4.1';

describe('the Sentry MCP server, tool by tool', () => {
  let server: TestServer;
  let mcp: McpSession;
  let org: string;
  let shortId: string;
  const now = Date.now();
  const eventId = hex(16);
  const traceId = hex(16);
  const rootSpan = hex(8);
  const dbSpan = hex(8);
  const replayId = hex(16);
  const as = () => ({ token: server.workspace.token });

  before(async () => {
    server = await startTestServer({ dialect: 'sqlite' });
    org = server.workspace.org;
    const created = await apiFetch(server.url, `/api/0/organizations/${org}/releases/`, {
      method: 'POST',
      as: as(),
      body: { version: RELEASE, projects: [server.workspace.project] },
    });
    assert.equal(created.status, 201);
    const deploy = await apiFetch(server.url, `/api/0/organizations/${org}/releases/${encodeURIComponent(RELEASE)}/deploys/`, {
      method: 'POST',
      as: as(),
      body: { environment: 'production' },
    });
    assert.equal(deploy.status, 201);

    const at = now / 1000;
    const error = {
      event_id: eventId,
      timestamp: at,
      level: 'error',
      platform: 'node',
      release: RELEASE,
      environment: 'production',
      transaction: 'POST /checkout',
      user: { id: '42', email: 'jane@example.com' },
      tags: { plan: 'pro', replayId },
      contexts: { trace: { trace_id: traceId, span_id: dbSpan, op: 'db.query' }, replay: { replay_id: replayId } },
      breadcrumbs: { values: [{ timestamp: at - 1, category: 'http', message: 'POST /api/cart 200' }] },
      exception: {
        values: [
          {
            type: 'TypeError',
            value: 'cart.total is not a function',
            stacktrace: { frames: [{ filename: 'src/checkout.js', function: 'submitOrder', lineno: 88, in_app: true }] },
          },
        ],
      },
    };
    const tx = {
      type: 'transaction',
      event_id: hex(16),
      transaction: 'POST /checkout',
      transaction_info: { source: 'route' },
      start_timestamp: at - 0.4,
      timestamp: at,
      release: RELEASE,
      environment: 'production',
      platform: 'node',
      contexts: { trace: { trace_id: traceId, span_id: rootSpan, op: 'http.server', status: 'internal_error' } },
      spans: [
        {
          trace_id: traceId,
          span_id: dbSpan,
          parent_span_id: rootSpan,
          op: 'db.query',
          description: 'SELECT * FROM carts WHERE id = 7',
          start_timestamp: at - 0.3,
          timestamp: at - 0.1,
        },
      ],
    };
    for (const [type, body] of [
      ['event', error],
      ['transaction', tx],
    ] as const) {
      assert.equal((await post(server, `{"event_id":"${body.event_id}"}\n{"type":"${type}"}\n${JSON.stringify(body)}\n`)).status, 200);
    }
    // The session's replay, as the browser SDK sends it: it names the error and the trace.
    const replay = replaySegment({
      replayId,
      segmentId: 0,
      startedAt: at - 20,
      timestamp: at + 2,
      event: {
        error_ids: [eventId],
        trace_ids: [traceId],
        urls: ['https://shop.example.com/checkout'],
        release: RELEASE,
        user: { id: '42', email: 'jane@example.com' },
      },
    });
    assert.equal((await post(server, replay)).status, 200);
    // A log line of the same request, as @sentry/node sends it with enableLogs.
    const log = {
      items: [
        {
          timestamp: at - 0.2,
          level: 'error',
          body: 'Coupon service timed out after 3000 ms',
          trace_id: traceId,
          severity_number: 17,
          attributes: { 'sentry.release': { value: RELEASE, type: 'string' }, 'sentry.environment': { value: 'production', type: 'string' } },
        },
      ],
    };
    const logEnvelope = `{}\n{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}\n${JSON.stringify(log)}\n`;
    assert.equal((await post(server, logEnvelope)).status, 200);
    await server.app.jobs.worker.drain();
    const issues = await apiFetch<{ shortId: string }[]>(server.url, `/api/0/organizations/${org}/issues/?query=TypeError`, { as: as() });
    shortId = issues.body[0]?.shortId ?? assert.fail('the error made no issue');
    const report = await apiFetch(server.url, `/api/0/projects/${org}/${server.workspace.project}/user-feedback/`, {
      method: 'POST',
      as: as(),
      body: { event_id: eventId, name: 'Jane', email: 'jane@example.com', comments: 'Checkout spins forever after I apply the coupon' },
    });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const monitor = await apiFetch(server.url, `/api/0/organizations/${org}/monitors/`, {
      method: 'POST',
      as: as(),
      body: {
        project: server.workspace.project,
        name: 'Nightly invoices',
        slug: 'nightly-invoices',
        config: { schedule_type: 'crontab', schedule: '0 2 * * *', timezone: 'UTC' },
      },
    });
    assert.equal(monitor.status, 201, JSON.stringify(monitor.body));
    await server.app.jobs.worker.drain();
    mcp = await startMcpSession(server);
  });
  after(async () => {
    await mcp?.close();
    await server?.close();
  });

  const tool = (name: string, args: Record<string, unknown>) => mcp.execute(name, { organizationSlug: org, ...args });

  it('who am I, organizations, projects, teams, DSNs', async () => {
    assert.match(await mcp.execute('whoami', {}), /admin@faultline\.local/);
    const orgs = await mcp.call('find_organizations', {});
    assert.match(orgs, new RegExp(`"slug": "${org}"`));
    assert.match(await mcp.call('find_projects', { organizationSlug: org }), new RegExp(`"slug": "${server.workspace.project}"`));
    assert.match(await tool('find_teams', {}), /"slug": "\w+"/);
    assert.match(await tool('find_dsns', { projectSlug: server.workspace.project }), new RegExp(server.workspace.dsn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('releases and a release’s details with its deploy', async () => {
    assert.match(await tool('find_releases', {}), new RegExp(RELEASE.replace('.', '\\.')));
    const details = await tool('get_release_details', { releaseVersion: RELEASE, projectSlug: server.workspace.project });
    assert.match(details, /New Issues\*\*: 1/);
    assert.match(details, /production/);
  });

  it('issue search, details, events, stack trace, breadcrumbs, tags, activity', async () => {
    assert.match(await mcp.call('search_issues', { organizationSlug: org, naturalLanguageQuery: 'is:unresolved' }), new RegExp(shortId));
    const details = await tool('get_issue_details', { issueId: shortId });
    assert.match(details, /TypeError: cart\.total is not a function/);
    assert.match(details, /Users Impacted\*\*: 1/);
    assert.match(await tool('search_issue_events', { issueId: shortId, naturalLanguageQuery: '' }), new RegExp(eventId));
    assert.match(await tool('get_event_stacktrace', { issueId: shortId }), new RegExp(eventId));
    assert.match(await tool('get_issue_breadcrumbs', { issueId: shortId }), /POST \/api\/cart 200/);
    assert.match(await tool('get_issue_tag_values', { issueId: shortId, tagKey: 'plan' }), /"value": "pro"/);
    assert.match(await tool('get_issue_activity', { issueId: shortId }), /first_seen/);
  });

  it('the issue’s user reports, a note, and resolving it', async () => {
    assert.match(await tool('get_issue_user_reports', { issueId: shortId }), /Checkout spins forever after I apply the coupon/);
    assert.match(await tool('add_issue_note', { issueId: shortId, text: 'Coupon service times out; rolling back' }), /Coupon service times out/);
    assert.match(await tool('get_issue_activity', { issueId: shortId }), /rolling back/);
    assert.match(await tool('get_event_attachment', { projectSlug: server.workspace.project, eventId }), /No attachments found/);
    assert.match(await mcp.call('update_issue', { organizationSlug: org, issueId: shortId, status: 'resolved' }), /\*\*resolved\*\*/);
  });

  it('events in the errors, spans and logs datasets, the trace and one of its spans', async () => {
    assert.match(
      await mcp.call('search_events', { organizationSlug: org, dataset: 'errors', naturalLanguageQuery: 'level:error' }),
      /cart\.total is not a function/,
    );
    assert.match(
      await mcp.call('search_events', { organizationSlug: org, dataset: 'spans', naturalLanguageQuery: 'span.op:db.query' }),
      /SELECT \* FROM carts/,
    );
    const logs = await mcp.call('search_events', { organizationSlug: org, dataset: 'logs', naturalLanguageQuery: 'severity:error' });
    assert.match(logs, /Coupon service timed out after 3000 ms/);
    assert.match(logs, new RegExp(traceId));
    const trace = await tool('get_trace_details', { traceId });
    assert.match(trace, /Total Spans\*\*: 2/);
    assert.match(trace, /Errors\*\*: 1/);
    assert.match(trace, /Logs\*\*: 1/);
    assert.match(await tool('get_span_details', { traceId, spanId: dbSpan }), /SELECT \* FROM carts/);
  });

  it('the replay of the session: found among replays, read with its error and trace', async () => {
    assert.match(await mcp.call('search_events', { organizationSlug: org, dataset: 'replays', naturalLanguageQuery: 'count_errors:>0' }), new RegExp(replayId));
    const details = await tool('get_replay_details', { replayId });
    assert.match(details, /shop\.example\.com\/checkout/);
    assert.match(details, new RegExp(traceId));
    assert.match(details, /cart\.total is not a function|TypeError/);
  });

  it('monitors and alert rules', async () => {
    assert.match(await tool('find_monitors', {}), /"slug": "nightly-invoices"/);
    assert.match(await tool('get_monitor_details', { monitorSlug: 'nightly-invoices' }), /Nightly invoices/);
    const rules = await apiFetch<{ id: string; name: string }[]>(server.url, `/api/0/projects/${org}/${server.workspace.project}/rules/`, { as: as() });
    const rule = rules.body[0] ?? assert.fail('a new project has the default issue rule');
    const found = await tool('find_alert_rules', { projectSlug: server.workspace.project });
    assert.ok(found.includes(rule.name), found);
    assert.ok((await tool('get_alert_rule', { kind: 'issue', projectSlug: server.workspace.project, ruleIdOrName: rule.id })).includes(rule.name));
    // By name, across issue and metric rules (the combined list).
    assert.ok((await tool('get_alert_rule', { projectSlug: server.workspace.project, ruleIdOrName: rule.name })).includes(rule.name));
    // The workflow list's own filters: by id, and by a name the query does not match.
    const workflows = (q: string) =>
      apiFetch<{ id: string }[]>(server.url, `/api/0/organizations/${org}/workflows/?projectSlug=${server.workspace.project}&${q}`, { as: as() });
    assert.deepEqual(
      (await workflows(`id=${rule.id}`)).body.map((w) => w.id),
      [rule.id],
    );
    assert.deepEqual((await workflows('query=name:"*no such rule*"')).body, []);
  });

  it('project management: a team, a project under it, team changes, a DSN created and renamed', async () => {
    assert.match(await tool('create_team', { name: 'Payments' }), /"slug": "payments"/);
    const project = await tool('create_project', { teamSlug: 'payments', name: 'Billing API', platform: 'node' });
    assert.match(project, /billing-api/);
    assert.match(project, /https?:\/\/[0-9a-f]{32}@/, 'it prints the new project’s DSN');
    assert.doesNotThrow(() => JSON.stringify(project));
    await tool('add_team_to_project', { projectSlug: server.workspace.project, teamSlug: 'payments' });
    const teams = async () =>
      (await apiFetch<{ slug: string }[]>(server.url, `/api/0/projects/${org}/${server.workspace.project}/teams/`, { as: as() })).body.map((t) => t.slug);
    assert.ok((await teams()).includes('payments'));
    await tool('remove_team_from_project', { projectSlug: server.workspace.project, teamSlug: 'payments' });
    assert.ok(!(await teams()).includes('payments'));
    const created = await tool('create_dsn', { projectSlug: 'billing-api', name: 'CI' });
    const keyId = /"id": "([0-9a-f]{32})"/.exec(created)?.[1] ?? assert.fail(created);
    assert.match(await tool('update_dsn', { projectSlug: 'billing-api', keyId, name: 'CI (rotated)' }), /CI \(rotated\)/);
    assert.match(await tool('update_project', { projectSlug: 'billing-api', name: 'Billing' }), /"name": "Billing"/);
  });

  it('a Faultline URL is followed to the issue it names', async () => {
    assert.match(await mcp.call('get_sentry_resource', { url: `${server.url}/organizations/${org}/issues/${shortId}/` }), /cart\.total is not a function/);
  });

  it('features Faultline does not have answer cleanly that there is nothing', async () => {
    assert.match(await tool('find_dashboards', {}), /"dashboards": \[\]/);
    assert.match(await tool('find_uptime_monitors', {}), /\[\]|No uptime/i);
    const conversations = await tool('search_agent_conversations', { naturalLanguageQuery: 'checkout' });
    assert.doesNotMatch(conversations, /No route/);
    // Profiles and build snapshots: the tool reports Faultline's reason, not a missing route.
    await assert.rejects(tool('get_profile_details', { projectSlugOrId: server.workspace.project, profileId: hex(16) }), (e: Error & { text?: string }) =>
      /does not store profiles/.test(e.text ?? ''),
    );
    await assert.rejects(tool('get_latest_base_snapshot', { appId: 'com.shop.app' }), (e: Error & { text?: string }) =>
      /does not store build snapshots/.test(e.text ?? ''),
    );
  });
});
