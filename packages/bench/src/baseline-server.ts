// The baseline: the least an ingest endpoint can do — read the body, gunzip it when
// Content-Encoding says so, JSON.parse the envelope header and every item line, answer 200.
// No auth, no validation, no storage. Its accepted/s under the same load and corpus is the
// ceiling of this machine, and Faultline's figure is reported as a ratio of it.
// Run as a child process (forked by baseline/start-baseline.ts); it reports its port over IPC.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}

/** Parses each non-empty line (the JS SDK writes JSON items without `length`); returns the envelope's event_id. */
function parseLines(body: Buffer): string | undefined {
  let eventId: string | undefined;
  let start = 0;
  let first = true;
  while (start < body.length) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    if (end > start) {
      const value: unknown = JSON.parse(body.toString('utf8', start, end));
      if (first && typeof value === 'object' && value !== null && 'event_id' in value && typeof value.event_id === 'string') eventId = value.event_id;
      first = false;
    }
    start = end + 1;
  }
  return eventId;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const eventId = parseLines(decode(Buffer.concat(chunks), req.headers['content-encoding']));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(eventId ? { id: eventId } : {}));
    } catch (err) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ detail: err instanceof Error ? err.message : String(err) }));
    }
  });
}

const server = createServer({ keepAliveTimeout: 65_000 }, handle);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('baseline: no TCP address');
  process.send?.({ type: 'listening', port: address.port });
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
