// Every answer under an ingest path carries the CORS headers browser SDKs need to read it,
// including those Fastify gives before any route runs: 404 for a method, 503 while closing.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventEnvelope, explainSkippedPostgres, publicKeyOf, startTestServer, type TestServer, testDialects } from '../testing/index.js';
import { isIngestPath } from './index.js';

explainSkippedPostgres();

const origin = 'https://shop.example.com';

function assertCors(headers: Headers | Record<string, string>, what: string): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  assert.equal(get('access-control-allow-origin'), origin, what);
  assert.match(get('access-control-expose-headers') ?? '', /x-sentry-rate-limits/, what);
  assert.match(get('access-control-allow-methods') ?? '', /POST/, what);
}

describe('ingest paths', () => {
  it('are the SDK endpoints only, not the web API', () => {
    for (const p of ['/api/1/envelope/', '/api/1/store', '/api/42/security/?sentry_key=x', '/api/abc/envelope/', '/api/1/minidump/'])
      assert.equal(isIngestPath(p), true, p);
    for (const p of ['/api/0/projects/', '/api/0/organizations/acme/', '/api/1/envelopes/', '/', '/api/1/storefront/']) assert.equal(isIngestPath(p), false, p);
  });
});

for (const dialect of testDialects()) {
  describe(`CORS on every ingest answer (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect, env: { FAULTLINE_WORKER_ENABLED: 'false', FAULTLINE_ALERTS_ENABLED: 'false' } });
    });
    after(() => server.close());

    it('a method the ingest routes do not have answers 404 with CORS headers', async () => {
      for (const kind of ['envelope', 'store', 'security']) {
        for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
          const res = await fetch(`${server.url}/api/${server.workspace.projectId}/${kind}/`, { method, headers: { origin } });
          assert.equal(res.status, 404, `${method} ${kind}`);
          assertCors(res.headers, `${method} ${kind}`);
        }
      }
    });

    it('the web API gets no ingest CORS headers', async () => {
      const res = await fetch(`${server.url}/api/0/organizations/`, { headers: { origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });

    it('a request that arrives while the server closes answers 503 with CORS headers', async () => {
      const path = `/api/${server.workspace.projectId}/envelope/?sentry_key=${publicKeyOf(server)}`;
      const body = eventEnvelope();
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => {
        received += d;
      });
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      // A first request in flight (its body not yet complete) keeps the connection busy across the close.
      const half = Math.floor(body.length / 2);
      socket.write(`POST ${path} HTTP/1.1\r\nhost: x\r\norigin: ${origin}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
      await sleep(100);
      const closing = server.app.server.close();
      await sleep(50);
      // The rest of the first body and, pipelined behind it, a second request: routed while closing.
      socket.write(`${body.slice(half)}POST ${path} HTTP/1.1\r\nhost: x\r\norigin: ${origin}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await new Promise<void>((resolve) => socket.once('close', resolve));
      await closing;
      const responses = received.split(/(?=HTTP\/1\.1 )/).map(parseResponse);
      assert.equal(responses.length, 2, received);
      assert.equal(responses[0]?.status, 200);
      assert.equal(responses[1]?.status, 503);
      assertCors(responses[1]?.headers ?? {}, '503 while closing');
    });
  });
}

function parseResponse(raw: string): { status: number; headers: Record<string, string> } {
  const [head = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}
