// The crash-report dialog endpoint over HTTP (what @sentry/browser's showReportDialog loads and
// what its form posts): the reference's 4xx bodies, CORS on every answer, text options escaped
// in the script, urlencoded and multipart forms, the text/javascript variant.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../testing/index.js';
import { newId } from '../feedback.test-support.js';

describe('/api/embed/error-page/', () => {
  let server: TestServer;
  const origin = 'http://shop.localhost:5173';
  const eventId = newId();
  const url = (query: Record<string, string>) => `${server.url}/api/embed/error-page/?${new URLSearchParams(query)}`;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
  });

  const assertCors = (res: Response) => {
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
    assert.equal(res.headers.get('access-control-allow-headers'), 'Content-Type, Authorization, X-Requested-With');
    assert.match(res.headers.get('vary') ?? '', /Accept/);
  };

  it('answers a missing or invalid eventId with 400 and an unknown DSN with 404, with CORS', async () => {
    const queries: Record<string, string>[] = [{ dsn: server.workspace.dsn }, { dsn: server.workspace.dsn, eventId: 'nope' }];
    for (const query of queries) {
      const res = await fetch(url(query), { headers: { origin } });
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), { eventId: 'Missing or invalid parameter.' });
      assertCors(res);
    }
    const noEvent = await fetch(url({ dsn: server.workspace.dsn }), {
      method: 'POST',
      headers: { origin },
      body: new URLSearchParams({ name: 'J', email: 'j@example.com', comments: 'x' }),
    });
    assert.equal(noEvent.status, 400);
    assert.deepEqual(await noEvent.json(), { eventId: 'Missing or invalid parameter.' });
    assertCors(noEvent);
    for (const dsn of ['', 'not a dsn', `http://${'0'.repeat(32)}@127.0.0.1/${server.workspace.projectId}`]) {
      const res = await fetch(url({ dsn, eventId }), {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=a',
      });
      assert.equal(res.status, 404, dsn);
      assert.deepEqual(await res.json(), { dsn: 'Missing or invalid parameter.' });
    }
    const preflight = await fetch(url({ dsn: server.workspace.dsn, eventId }), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 200);
    assertCors(preflight);
  });

  it('serves the dialog script with every text option escaped, never as markup', async () => {
    const hostile = '</script><img src=x onerror=alert(1)>\u2028"\'';
    const res = await fetch(url({ dsn: server.workspace.dsn, eventId, title: hostile, labelSubmit: hostile, name: hostile, email: 'jane@example.com' }), {
      headers: { origin },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assertCors(res);
    const script = await res.text();
    assert.ok(!script.includes('</script'), 'no text can close a script element');
    assert.ok(!script.includes('<img'), 'no markup from options');
    assert.ok(!script.includes('\u2028'), 'no raw line separators');
    assert.ok(!script.includes('innerHTML'), 'the dialog sets text, never HTML');
    assert.ok(script.includes('__sentry_reportdialog_closed__'));
    // The options literal parses back to exactly what was asked for.
    const literal = /var o = (\{.*\});\n/.exec(script)?.[1];
    assert.ok(literal);
    const options = JSON.parse(literal) as { texts: { title: string; labelSubmit: string; labelName: string }; name: string; email: string };
    assert.equal(options.texts.title, hostile);
    assert.equal(options.texts.labelSubmit, hostile);
    assert.equal(options.texts.labelName, 'Name');
    assert.equal(options.name, hostile);
    assert.equal(options.email, 'jane@example.com');
  });

  it('saves urlencoded and multipart forms as reports of the crash-report form; invalid fields are 400 errors', async () => {
    const target = url({ dsn: server.workspace.dsn, eventId });
    const form = new URLSearchParams({ name: 'Jane', email: 'jane@example.com', comments: '<script>alert(1)</script> it broke' });
    const res = await fetch(target, { method: 'POST', headers: { origin }, body: form });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {});
    assertCors(res);
    const stored = await server.store.db.selectFrom('user_reports').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow();
    assert.equal(stored.source, 'crash_report_embed_form');
    assert.equal(stored.comments, '<script>alert(1)</script> it broke');

    const other = newId();
    const multipart = new FormData();
    multipart.set('name', 'Ann');
    multipart.set('email', 'ann@example.com');
    multipart.set('comments', 'multipart words');
    const viaMultipart = await fetch(url({ dsn: server.workspace.dsn, eventId: other }), { method: 'POST', headers: { origin }, body: multipart });
    assert.equal(viaMultipart.status, 200);
    const second = await server.store.db.selectFrom('user_reports').select('comments').where('event_id', '=', other).executeTakeFirstOrThrow();
    assert.equal(second.comments, 'multipart words');

    const invalid = await fetch(target, { method: 'POST', headers: { origin }, body: new URLSearchParams({ name: 'Jane', email: 'nope', comments: 'x' }) });
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { errors: { email: ['Enter a valid email address.'] } });
    assertCors(invalid);
    const empty = await fetch(target, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: 'garbage' });
    assert.ok(empty.status === 400 || empty.status === 415, String(empty.status));

    const js = await fetch(target, {
      method: 'POST',
      headers: { origin, accept: 'text/javascript' },
      body: new URLSearchParams({ name: 'J', email: 'bad', comments: 'x' }),
    });
    assert.equal(js.status, 400);
    assert.equal(js.headers.get('content-type'), 'text/javascript');
    assert.equal(await js.text(), '');
    assert.deepEqual(JSON.parse(js.headers.get('x-sentry-context') ?? 'null'), { errors: { email: ['Enter a valid email address.'] } });

    const huge = await fetch(target, {
      method: 'POST',
      headers: { origin },
      body: new URLSearchParams({ name: 'J', email: 'j@example.com', comments: 'x'.repeat(100_000) }),
    });
    assert.equal(huge.status, 413);
  });
});
