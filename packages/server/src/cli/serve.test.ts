import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiFetch,
  explainSkippedPostgres,
  freePort,
  openTestDatabase,
  type RunningProcess,
  runFaultline,
  signIn,
  startFaultline,
  type TestDatabase,
  testDialects,
} from '../testing/index.js';

explainSkippedPostgres();

for (const dialect of testDialects()) {
  describe(`faultline serve (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let port: number;
    let base: string;
    const running: RunningProcess[] = [];
    before(async () => {
      database = await openTestDatabase(dialect);
      port = await freePort();
      base = `http://127.0.0.1:${port}`;
      env = { ...database.env, FAULTLINE_PORT: String(port), FAULTLINE_HOST: '127.0.0.1', FAULTLINE_LOG_LEVEL: 'warn' };
    });
    after(async () => {
      for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(running.map((p) => p.exited));
      await database.cleanup();
    });

    function serve(): RunningProcess {
      const p = startFaultline(['serve'], env);
      running.push(p);
      return p;
    }

    async function stopGracefully(p: RunningProcess): Promise<void> {
      const started = Date.now();
      p.child.kill('SIGTERM');
      const { code, signal } = await p.exited;
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, p.stderr());
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms to stop`);
      await assert.rejects(fetch(`${base}/_health`), 'the port is closed after shutdown');
    }

    it('on first start prints the UI URL, a generated admin login that works, and the DSN', async () => {
      const p = serve();
      const dsnLine = await p.waitForStdout(/Project DSN:\s+(\S+)/);
      const out = p.stdout();
      assert.match(out, new RegExp(`Faultline is running: http://localhost:${port}/`));
      const email = /Sign in as:\s+(\S+)/.exec(out)?.[1];
      const password = /Password:\s+(\S+)/.exec(out)?.[1];
      assert.equal(email, 'admin@faultline.local');
      assert.ok(password && password.length >= 12, out);
      const dsn = new URL(dsnLine[1] ?? '');
      assert.equal(dsn.host, `localhost:${port}`);
      assert.match(dsn.username, /^[0-9a-f]{32}$/);

      const health = await fetch(`${base}/_health`);
      assert.equal(health.status, 200);
      const ready = await fetch(`${base}/_ready`);
      assert.equal(ready.status, 200);
      assert.equal(((await ready.json()) as { status: string }).status, 'ready');

      const session = await signIn(base, email, password);
      const orgs = await apiFetch<{ slug: string }[]>(base, '/api/0/organizations/', { as: { session } });
      assert.deepEqual(
        orgs.body.map((o) => o.slug),
        ['faultline'],
      );
      await stopGracefully(p);
    });

    it('serves the workspace `bootstrap --json` printed; the printed token works; SIGTERM exits 0', async () => {
      const boot = await runFaultline(['bootstrap', '--json'], env);
      assert.equal(boot.code, 0, boot.stderr);
      const ws = JSON.parse(boot.stdout.trim().split('\n').at(-1) ?? '') as { dsn: string; token: string; org: string };
      const p = serve();
      await p.waitForStdout(/Project DSN:/);
      assert.match(p.stdout(), new RegExp(`Project DSN:\\s+${ws.dsn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      assert.match(p.stdout(), /Admin login:\s+admin@faultline\.local/);
      assert.equal(/Password:/.test(p.stdout()), false, 'the password is shown only on the first start');

      const info = await apiFetch<{ auth: { scopes: string[] }; user: { email: string } }>(base, '/api/0/', { as: { token: ws.token } });
      assert.equal(info.status, 200);
      assert.equal(info.body.user.email, 'admin@faultline.local');
      assert.ok(info.body.auth.scopes.includes('project:releases'));
      const projects = await apiFetch<{ slug: string }[]>(base, `/api/0/organizations/${ws.org}/projects/`, { as: { token: ws.token } });
      assert.deepEqual(
        projects.body.map((x) => x.slug),
        ['default'],
      );
      await stopGracefully(p);
    });
  });
}
