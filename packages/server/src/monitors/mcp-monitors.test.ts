// The real Sentry MCP server (@sentry/mcp-server 0.39, over stdio) reading the monitors and
// check-ins a real Faultline stored: `find_monitors` and `get_monitor_details` (reached through
// `execute_sentry_tool`, as an assistant reaches them). Their zod schemas refuse anything but
// Sentry's shapes (datetimes ending in Z), so an answer at all is part of what is tested; the
// rest is what the assistant would read, compared with what was stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainSkippedPostgres, type McpSession, startMcpSession, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { type MonitorJsonShape, monitorBody, monitorsApi, seedRun } from './routes/monitors-api.test-support.js';

explainSkippedPostgres();

const HOUR = 3_600_000;

interface FoundMonitors {
  monitors: {
    id: string;
    slug: string;
    name: string;
    projectSlug: string | null;
    status: string | null;
    owner: string | null;
    webUrl: string;
    schedule: { type: string | null; value: unknown; checkInMargin: number | null; maxRuntime: number | null } | null;
    environments: { name: string | null; status: string | null; lastCheckIn: string | null }[];
  }[];
  hasMore: boolean;
}

for (const dialect of testDialects()) {
  describe(`the Sentry MCP server reads monitors and check-ins (${dialect})`, () => {
    let server: TestServer;
    let mcp: McpSession;
    let org: string;
    const monitors = new Map<string, MonitorJsonShape>();
    // The MCP server asks for the last 24 hours by its own (wall) clock, so the runs are recent.
    const now = Date.now();
    const okAt = now - 3 * HOUR;
    const failedAt = now - 2 * HOUR;

    before(async () => {
      server = await startTestServer({ dialect });
      org = server.workspace.org;
      const api = monitorsApi(server);
      for (const body of [
        monitorBody(server, 'nightly-import', { failure_issue_threshold: 2 }),
        monitorBody(server, 'heartbeat', { schedule_type: 'interval', schedule: [10, 'minute'], checkin_margin: 2, timezone: 'UTC' }),
      ]) {
        const res = await api.send<MonitorJsonShape>('POST', '', body);
        assert.equal(res.status, 201, JSON.stringify(res.body));
        monitors.set(res.body.slug, res.body);
      }
      await seedRun(server, 'nightly-import', {
        environment: 'production',
        status: 'ok',
        dateCreated: okAt,
        durationMs: 13_250,
        environmentState: { status: 'ok', lastCheckIn: okAt + 13_250, nextCheckIn: now + 20 * HOUR, nextCheckInLatest: now + 20 * HOUR + 300_000 },
      });
      await seedRun(server, 'nightly-import', {
        environment: 'staging',
        status: 'error',
        dateCreated: failedAt,
        durationMs: 2_000,
        environmentState: { status: 'error', lastCheckIn: failedAt + 2_000, nextCheckIn: now + 21 * HOUR, nextCheckInLatest: now + 21 * HOUR + 300_000 },
        opensIncident: true,
      });
      mcp = await startMcpSession(server);
    });
    after(async () => {
      await mcp?.close();
      await server?.close();
    });

    it('find_monitors lists every monitor with its project, schedule and environments', async () => {
      const text = await mcp.execute('find_monitors', { organizationSlug: org });
      const found = JSON.parse(text) as FoundMonitors;
      assert.equal(found.hasMore, false);
      assert.deepEqual(found.monitors.map((m) => m.slug).sort(), ['heartbeat', 'nightly-import']);
      for (const m of found.monitors) {
        const stored = monitors.get(m.slug);
        assert.ok(stored);
        assert.equal(m.id, stored.id);
        assert.equal(m.name, stored.name);
        assert.equal(m.projectSlug, server.workspace.project);
        assert.equal(m.status, 'active');
        assert.match(m.webUrl, new RegExp(`/organizations/${org}/crons/.*${m.slug}`));
      }
      const nightly = found.monitors.find((m) => m.slug === 'nightly-import');
      assert.deepEqual(nightly?.schedule, { type: 'crontab', value: '0 2 * * *', checkInMargin: 5, maxRuntime: 30 });
      assert.deepEqual(nightly?.environments, [
        { name: 'staging', status: 'error', lastCheckIn: new Date(failedAt + 2_000).toISOString() },
        { name: 'production', status: 'ok', lastCheckIn: new Date(okAt + 13_250).toISOString() },
      ]);
      const heartbeat = found.monitors.find((m) => m.slug === 'heartbeat');
      assert.equal(heartbeat?.schedule?.type, 'interval');
      assert.deepEqual(heartbeat?.environments, []);
      const filtered = JSON.parse(await mcp.execute('find_monitors', { organizationSlug: org, query: 'heart' })) as FoundMonitors;
      assert.deepEqual(
        filtered.monitors.map((m) => m.slug),
        ['heartbeat'],
      );
      const byProject = JSON.parse(
        await mcp.execute('find_monitors', { organizationSlug: org, projectSlug: server.workspace.project, limit: 1 }),
      ) as FoundMonitors;
      assert.equal(byProject.monitors.length, 1);
      assert.equal(byProject.hasMore, true, 'the MCP server asks for limit + 1 to know');
    });

    it('get_monitor_details shows the schedule, environments, recent check-ins and stats as stored', async () => {
      const text = await mcp.execute('get_monitor_details', { organizationSlug: org, monitorSlug: 'nightly-import' });
      const stored = monitors.get('nightly-import');
      assert.ok(stored);
      assert.ok(text.includes(`# Monitor ${stored.name} in **${org}**`), text);
      assert.ok(text.includes(`**ID**: ${stored.id}\n`), text);
      assert.ok(text.includes(`**Project**: ${server.workspace.project}\n`), text);
      assert.ok(text.includes('- **schedule**: 0 2 * * *\n'), text);
      assert.ok(text.includes('- **timezone**: Europe/Vienna\n'), text);
      assert.ok(text.includes('- **checkin_margin**: 5\n'), text);
      assert.ok(text.includes(`- staging\n  - Status: error\n  - Last check-in: ${new Date(failedAt + 2_000).toISOString()}`), text);
      assert.ok(text.includes(`- production\n  - Status: ok\n  - Last check-in: ${new Date(okAt + 13_250).toISOString()}`), text);
      // Recent check-ins, newest first: `- <dateCreated>: <status>, <duration>…, <environment>`.
      const recent = [...text.matchAll(/^- (\S+Z): (\w+), ([\d.]+)s, (\w+)$/gm)].map((m) => [m[1], m[2], Number(m[3]), m[4]]);
      assert.deepEqual(recent, [
        [new Date(failedAt).toISOString(), 'error', 2000, 'staging'],
        [new Date(okAt).toISOString(), 'ok', 13250, 'production'],
      ]);
      // Stats: the buckets that hold a run count it.
      const stats = [...text.matchAll(/^- (\S+Z): (ok=.*)$/gm)].map((m) => ({ at: Date.parse(m[1] as string), counts: m[2] as string }));
      assert.ok(stats.length > 0, text);
      const total = (key: string) => stats.reduce((sum, s) => sum + Number(new RegExp(`\\b${key}=(\\d+)`).exec(s.counts)?.[1] ?? 0), 0);
      assert.equal(total('ok'), 1, text);
      assert.equal(total('error'), 1, text);
    });

    it('get_monitor_details with an environment and a project narrows to them; an unknown slug is an error', async () => {
      const text = await mcp.execute('get_monitor_details', {
        organizationSlug: org,
        monitorSlug: 'nightly-import',
        environment: 'production',
        projectSlugOrId: server.workspace.project,
      });
      assert.ok(text.includes('- production\n'), text);
      assert.ok(!text.includes('- staging\n'), text);
      assert.deepEqual(
        [...text.matchAll(/^- \S+Z: (\w+), [\d.]+s, (\w+)$/gm)].map((m) => [m[1], m[2]]),
        [['ok', 'production']],
      );
      await assert.rejects(mcp.execute('get_monitor_details', { organizationSlug: org, monitorSlug: 'no-such-job' }), /not found|404/i);
    });
  });
}
