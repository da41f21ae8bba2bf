import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../auth/index.js';
import { sha256Hex } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { explainSkippedPostgres, openTestDatabase, runFaultline, type TestDatabase, testDialects } from '../testing/index.js';

explainSkippedPostgres();

const tables = ['users', 'organizations', 'projects', 'client_keys', 'api_tokens'] as const;

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

function lastLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

for (const dialect of testDialects()) {
  describe(`faultline bootstrap (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await openTestDatabase(dialect);
      env = { ...database.env, FAULTLINE_LOG_LEVEL: 'warn', FAULTLINE_PORT: '9321' };
    });
    after(() => database.cleanup());

    let first: Record<string, unknown>;

    it('prints exactly one JSON object with url, org, project, projectId, dsn and token on its last line', async () => {
      const r = await runFaultline(['bootstrap', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      first = JSON.parse(lastLine(r.stdout)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(first).sort(), ['dsn', 'org', 'project', 'projectId', 'token', 'url']);
      assert.equal(first.url, 'http://localhost:9321');
      assert.equal(first.org, 'faultline');
      assert.equal(first.project, 'default');
      assert.equal(typeof first.projectId, 'number');
      const dsn = new URL(String(first.dsn));
      assert.equal(dsn.host, 'localhost:9321');
      assert.equal(dsn.pathname, `/${first.projectId}`);
      assert.match(dsn.username, /^[0-9a-f]{32}$/);
      assert.match(String(first.token), /^sntrys_[A-Za-z0-9+/=]+_[A-Za-z0-9+/]+$/);
      // The org token carries the server URL and org, so sentry-cli needs nothing else.
      const payload = JSON.parse(Buffer.from(String(first.token).split('_')[1] ?? '', 'base64').toString()) as { url: string; org: string };
      assert.deepEqual([payload.url, payload.org], ['http://localhost:9321', 'faultline']);
    });

    it('created the workspace: admin, org, project, key and a token stored only as its digest', async () => {
      const { store } = database;
      assert.deepEqual(await rowCounts(store), { users: 1, organizations: 1, projects: 1, client_keys: 1, api_tokens: 1 });
      const record = await store.apiTokens.byHash(sha256Hex(String(first.token)));
      assert.ok(record, 'the printed token is the stored one');
      assert.equal(record.orgId, (await store.organizations.bySlug('faultline'))?.id);
      assert.ok(record.scopes.includes('project:releases'));
    });

    it('prints the same on a second run and creates nothing new', async () => {
      const before = await rowCounts(database.store);
      const r = await runFaultline(['bootstrap', '--json'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(lastLine(r.stdout)), first);
      assert.deepEqual(await rowCounts(database.store), before);
      assert.equal(r.stderr.includes('password'), false, 'an existing admin’s password is never printed again');
    });

    it('prints a human-readable form without --json', async () => {
      const r = await runFaultline(['bootstrap'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`dsn:\\s+${String(first.dsn)}`));
      assert.match(r.stdout, /token:\s+sntrys_/);
    });
  });
}

describe('faultline bootstrap on an empty data directory', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase('sqlite');
  });
  after(() => database.cleanup());

  it('shows a generated admin password once, on stderr, and it is the real one', async () => {
    const r = await runFaultline(['bootstrap', '--json'], { ...database.env, FAULTLINE_LOG_LEVEL: 'warn' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'stdout holds only the JSON');
    const m = /created admin (\S+) with password (\S+)/.exec(r.stderr);
    assert.ok(m, r.stderr);
    const admin = await database.store.users.byEmail(m[1] ?? '');
    assert.ok(admin?.isSuperuser);
    assert.equal(await verifyPassword(m[2] ?? '', (await database.store.users.passwordHash(admin.id)) ?? ''), true);
  });
});
