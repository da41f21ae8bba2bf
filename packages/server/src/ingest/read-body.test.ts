import assert from 'node:assert/strict';
import http from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { eventEnvelope, newEventId, post, publicKeyOf, startTestServer, type TestServer } from '../testing/index.js';
import { zstdFrame, zstdHugeWindow, zstdRleBomb } from './zstd-frames.test-support.js';

// Bodies are decoded before the store is touched: one dialect is enough here (the store suites loop both).

interface Streamed {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  sentBytes: number;
  ms: number;
}

/** Posts a streamed body and resolves on the response, then stops sending (as a refused client would be cut off). */
function postStream(server: TestServer, source: Readable, headers: Record<string, string>): Promise<Streamed> {
  const started = Date.now();
  const url = new URL(`${server.url}/api/${server.workspace.projectId}/envelope/?sentry_key=${publicKeyOf(server)}`);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        source.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers, sentBytes, ms: Date.now() - started });
      });
    });
    // The server closes the connection after refusing, so writing may fail (EPIPE) before the
    // response is parsed: only an error without any response is a failure.
    req.on('error', (err) => {
      setTimeout(() => reject(new Error(`no response: ${err.message}`)), 2000).unref();
    });
    source.on('data', (c: Buffer) => {
      sentBytes += c.length;
    });
    source.on('error', () => {});
    source.pipe(req);
  });
}

/** `total` zero bytes produced on the fly (never held in memory). */
function zeros(total: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

describe('ingest request bodies', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({});
  });
  after(() => server.close());

  async function assertStored(eventId: string): Promise<void> {
    await server.app.jobs.worker.drain();
    assert.ok(await server.store.events.byEventId(server.workspace.projectId, eventId), `event ${eventId} not stored`);
  }

  it('decodes gzip, x-gzip, deflate (zlib and raw), br, zstd and identity, with and without a Content-Type', async () => {
    const encoders: [string, (b: Buffer) => Buffer][] = [
      ['gzip', (b) => gzipSync(b)],
      ['x-gzip', (b) => gzipSync(b)],
      ['deflate', (b) => deflateSync(b)],
      ['deflate', (b) => deflateRawSync(b)],
      ['br', (b) => brotliCompressSync(b)],
      ['zstd', (b) => zstdFrame(b)],
      ['identity', (b) => b],
    ];
    for (const [encoding, encode] of encoders) {
      for (const contentType of [undefined, 'application/x-sentry-envelope', 'text/plain;charset=UTF-8', 'application/json']) {
        const id = newEventId();
        const headers: Record<string, string> = { 'content-encoding': encoding };
        if (contentType) headers['content-type'] = contentType;
        const res = await post(server, encode(Buffer.from(eventEnvelope(id))), { headers });
        assert.equal(res.status, 200, `${encoding} ${contentType}: ${await res.clone().text()}`);
        assert.deepEqual(await res.json(), { id });
        await assertStored(id);
      }
    }
  });

  it('decodes chunked transfer and large compressed bodies as a stream', async () => {
    const id = newEventId();
    // Random bytes do not compress: the gzip body is far past the one-shot size and streams.
    const attachment = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, () => Math.floor(Math.random() * 256)));
    const envelope = Buffer.concat([
      Buffer.from(`${eventEnvelope(id)}\n{"type":"attachment","length":${attachment.length},"filename":"blob.bin"}\n`),
      attachment,
    ]);
    const res = await postStream(server, Readable.from([gzipSync(envelope)]), { 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' });
    assert.equal(res.status, 200, res.body);
    await assertStored(id);
    const parked = (await server.store.parkedItems.list(server.workspace.projectId)).filter((p) => p.type === 'attachment' && p.eventId === id);
    assert.equal(parked.length, 1);
    assert.deepEqual(Buffer.from(parked[0]?.payload ?? []), attachment);
  });

  it('answers 415 for unknown and stacked encodings and 400 for corrupt compressed bodies', async () => {
    for (const encoding of ['compress', 'gzip, br', 'snappy']) {
      const res = await post(server, eventEnvelope(), { headers: { 'content-encoding': encoding } });
      assert.equal(res.status, 415, encoding);
      assert.match(((await res.json()) as { detail: string }).detail, /Content-Encoding/);
    }
    for (const encoding of ['gzip', 'deflate', 'br', 'zstd']) {
      const res = await post(server, Buffer.from('definitely not compressed'), { headers: { 'content-encoding': encoding } });
      assert.equal(res.status, 400, encoding);
    }
    const truncated = gzipSync(Buffer.from(eventEnvelope())).subarray(0, 30);
    assert.equal((await post(server, truncated, { headers: { 'content-encoding': 'gzip' } })).status, 400);
  });

  it('refuses a 2 GB gzip bomb fast, with bounded memory, while serving valid envelopes', async () => {
    const rssBefore = process.memoryUsage().rss;
    const gzip = createGzip({ level: 9 });
    const bomb = postStream(server, zeros(2 * 1024 ** 3).pipe(gzip), { 'content-encoding': 'gzip', 'transfer-encoding': 'chunked' });
    const during = await post(server, eventEnvelope());
    const res = await bomb;
    assert.equal(res.status, 413, res.body);
    assert.equal(res.headers.connection, 'close');
    assert.equal(during.status, 200);
    assert.ok(res.ms < 10_000, `took ${res.ms} ms`);
    // The cap is 100 MiB of output; inflating 2 GB would need twenty times that.
    const grown = process.memoryUsage().rss - rssBefore;
    assert.ok(grown < 700 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1024 / 1024)} MiB`);
    assert.equal((await post(server, eventEnvelope())).status, 200);
  });

  it('refuses a small gzip bomb decoded in one call, and zstd bombs and huge zstd windows', async () => {
    const small = gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    assert.ok(small.length < 256 * 1024);
    const res = await post(server, small, { headers: { 'content-encoding': 'gzip' } });
    assert.equal(res.status, 413);
    const rle = await post(server, zstdRleBomb(2 * 1024 ** 3), { headers: { 'content-encoding': 'zstd' } });
    assert.equal(rle.status, 413);
    const window = await post(server, zstdHugeWindow(), { headers: { 'content-encoding': 'zstd' } });
    assert.equal(window.status, 413);
    assert.match(((await window.json()) as { detail: string }).detail, /window/);
    assert.equal((await post(server, eventEnvelope())).status, 200);
  });

  it('refuses a 300 MB streamed body at the wire limit, and a declared one before reading it', async () => {
    const streamed = postStream(server, zeros(300 * 1024 * 1024), { 'transfer-encoding': 'chunked' });
    const during = await post(server, eventEnvelope());
    const res = await streamed;
    assert.equal(res.status, 413, res.body);
    assert.equal(during.status, 200);
    assert.ok(res.sentBytes < 300 * 1024 * 1024, 'the client was cut off before sending everything');
    const declared = await postStream(server, zeros(300 * 1024 * 1024), { 'content-length': String(300 * 1024 * 1024) });
    assert.equal(declared.status, 413);
    assert.ok(declared.sentBytes < 50 * 1024 * 1024, `sent ${declared.sentBytes} bytes before the 413`);
    assert.equal((await post(server, eventEnvelope())).status, 200);
  });
});
